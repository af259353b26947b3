// SPDX-License-Identifier: MIT

// Package client is the Go SDK for a Blankett runtime's platform APIs, the ones
// that follow Altinn 3's Storage and Authentication APIs.
//
// A service owner pulls submissions the way Altinn recommends (the polling
// fallback of the "Receive data" guide): it gets a platform token by the
// Maskinporten-style JWT bearer grant, lists instances with a query that
// excludes what it has already confirmed, downloads every data element with
// SHA-256 verification, and confirms each instance with Complete once it is
// stored safely:
//
//	key, _ := client.ParsePrivateKeyPEM(pemBytes)
//	c, _ := client.New("https://forms.example.no", client.WithClientKey("my-client", key))
//	for in, err := range c.Instances(ctx, client.Query{AppID: "ttd/app", ExcludeConfirmedBy: "ttd"}) {
//		...
//	}
//
// The package imports only the standard library and golang-jwt, so it can be
// vendored into any service owner's integration. Failed API calls return an
// *APIError decoded from the server's problem+json; idempotent calls are
// retried with backoff on 429, 5xx and network errors.
package client
