// SPDX-License-Identifier: MIT

// Package authn authenticates people and machines for studio and runtime.
//
// It has four parts, each in its own files:
//
//   - rp.go: an OpenID Connect relying party (go-oidc + x/oauth2) for ID-porten-style login,
//     with PKCE (S256), state and nonce kept in a short-lived signed cookie.
//   - issuer.go: platform tokens, EdDSA JWTs with Altinn's claim names
//     (urn:altinn:userid, urn:altinn:partyid, urn:altinn:authlevel, urn:altinn:org,
//     urn:altinn:orgNumber, scope), verified against a key set so keys can rotate, and a
//     JWKS handler publishing the public keys.
//   - grant.go: the Maskinporten-style JWT bearer grant (RFC 7523) that machine clients use
//     to get a platform token, with a bounded jti replay cache.
//   - session.go: server-side session cookies; the cookie holds a random token and the store
//     keeps only its SHA-256 (HashToken).
//
// Errors are sentinels wrapped with the "authn:" prefix; callers branch with errors.Is.
// Secrets (client secrets, tokens, assertions, PKCE verifiers) never appear in error
// messages, so errors may be logged as they are.
package authn
