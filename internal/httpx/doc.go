// SPDX-License-Identifier: MIT

// Package httpx is the HTTP plumbing shared by studio and runtime: a gin engine with our
// own recovery, request-id, access-log and metrics middleware; RFC 9457 problem+json
// errors with a stable code; cross-origin protection for the public listener; the
// admin listener with /healthz, /readyz and /metrics; and graceful serving.
package httpx
