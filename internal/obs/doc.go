// SPDX-License-Identifier: MIT

// Package obs sets up observability shared by every role: the structured logger,
// and the buckets the storage metrics share. The HTTP metrics live with the HTTP
// plumbing in httpx; tracing arrives with the first cross-process call that needs
// it.
package obs
