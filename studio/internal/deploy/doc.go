// SPDX-License-Identifier: MIT

// Package deploy is studio's client of the runtime's deploy API
// (/runtime/api/v1/apps/{org}/{app}/releases/{version}). Studio and the runtime
// never import each other (DESIGN §3), so this is a small client of its own
// rather than runtime/client; the bundle format is shared through
// internal/bundle.
//
// Credentials: the deploy API admits a service owner's machine client with the
// scope blankett:deploy, one org per client. Studio deploys for many orgs, so an
// environment has one private key and studio speaks as the client
// "<prefix><org>" (default "studio-ttd" for org ttd), exchanging a signed JWT
// grant for a platform token at the runtime's token endpoint. The operator
// registers one client per org at the runtime, all with studio's public key; in
// dev mode a Registrar does that on the fly (see Env.Register).
package deploy
