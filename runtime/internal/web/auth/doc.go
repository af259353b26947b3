// SPDX-License-Identifier: MIT

// Package auth serves the runtime's login and identity endpoints and puts the
// authenticated Caller in each request's context.
//
// People log in through an OpenID Provider (ID-porten in production; in dev mode the
// built-in dev IdP from internal/devidp, mounted at /devidp on the same server). The
// callback upserts the person and their own party, creates a server-side session and
// sets the session cookie (__Host-blankett_session behind TLS; blankett_session when
// the public URL is plain http). A person then picks the party they act for: themselves
// or an organisation where they hold a role.
//
// Machines get platform tokens with the Maskinporten-style JWT bearer grant, signed by
// the runtime's key and verifiable with the published JWKS. End-user systems acting
// for a person exchange the person's token from the OpenID Provider (ID-porten) for
// one, as at Altinn's exchange endpoint.
//
// Routes (see Handler.Mount):
//
//	GET  /login?returnTo=/path            start login (303 to the provider)
//	GET  /login/callback                  finish login, set the session cookie, 303 to returnTo
//	POST /logout                          end the session, clear the cookie, 303 to /
//	GET  /parties                         HTML form: act as yourself or an organisation
//	POST /parties                         party=<id>&returnTo=/path; 403 unless the user may act for it
//	POST /authentication/api/v1/token     JWT bearer grant → platform token (OAuth error JSON)
//	GET  /authentication/api/v1/exchange/id-porten  the provider's token (Bearer) → platform token for the person
//	GET  /authentication/api/v1/openid/.well-known/openid-configuration       issuer metadata
//	GET  /authentication/api/v1/openid/.well-known/openid-configuration/jwks  platform JWKS (Altinn's path)
//	GET  /authentication/api/v1/openid/.well-known/jwks                       the same JWKS
//	GET, POST /devidp/...                 dev IdP (dev mode without a configured issuer only)
//
// Without an issuer outside dev mode, login is disabled: the login routes answer 503
// problem+json with code "login_not_configured". Without a signing key, the token and
// JWKS routes answer 503 "tokens_not_configured". The runtime's configuration decides
// which of these an operator gets; see runtime.Config.
//
// Middleware: Session loads the session from the cookie (a missing, forged or expired
// cookie leaves the request anonymous), Bearer verifies a platform token from the
// Authorization header (an invalid token is 401), and RequireCaller refuses anonymous
// requests. Handlers read the result with CallerFrom. On a route that names an
// instance (:party and :guid) Session reads the instance with the session
// (store.GetSessionWith), so that on PostgreSQL the handler's load of it costs no
// second round trip.
package auth
