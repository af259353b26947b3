// SPDX-License-Identifier: MIT

// Package devidp is a small OpenID Provider for development and tests ONLY.
//
// It lets anyone log in as any test user by picking a name from a list: there is no
// password and no real identity proofing. It must never be mounted outside dev mode;
// the runtime and studio mount it only when their config says dev mode, and a production
// deployment that reaches this code is misconfigured.
//
// It speaks enough OpenID Connect for the real relying party in internal/authn to run
// unchanged against it: discovery, JWKS, the authorization code flow with PKCE (S256,
// required), state and nonce echoed, a token endpoint that checks client, redirect URI,
// code (single-use, 60 s) and PKCE verifier, and userinfo. ID tokens carry ID-porten's
// claims: sub, pid, name, acr (idporten-loa-substantial or idporten-loa-high), amr and
// nonce. Test users, organisations and role assignments (DAGL, REGNA, …) come from a
// JSON seed: DefaultSeed is embedded, LoadSeed reads another. National identity numbers
// in the default seed are synthetic (month + 80, as Norway's synthetic test numbers).
package devidp
