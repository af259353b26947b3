// SPDX-License-Identifier: MIT

// Package events serves the service owner's Events API (reference §3.5), a
// subset of Altinn's /events/api/v1: webhook subscriptions with the validation
// handshake, their dead letters, and the cursor pull API of an app's events.
//
// Routes (see Register):
//
//	POST   /events/api/v1/subscriptions                                  subscribe (201, secret shown once)
//	GET    /events/api/v1/subscriptions                                  the caller's org's subscriptions
//	GET    /events/api/v1/subscriptions/{id}                             one
//	DELETE /events/api/v1/subscriptions/{id}                             stop it (204)
//	GET    /events/api/v1/subscriptions/{id}/deadletters                 deliveries given up
//	POST   /events/api/v1/subscriptions/{id}/deadletters/{messageId}/retry  try one again (204)
//	GET    /events/api/v1/app/{org}/{app}?after=|from=&type=&party=&size=  pull, oldest first
//
// Only service owners are served: a platform token with urn:altinn:org and
// altinn:serviceowner/instances.read or altinn:events.subscribe. No caller is
// 401; a person, a machine without urn:altinn:org or a missing scope is 403.
// A service owner sees only its own org's subscriptions (another org's is 404,
// as one that does not exist) and pulls only its own org's apps (403).
// Every error is problem+json with a stable code.
package events
