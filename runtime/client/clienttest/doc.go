// SPDX-License-Identifier: MIT

// Package clienttest is an in-memory fake of a runtime's token endpoint and
// storage pull API for tests of code that uses package client. It behaves as
// the real handlers do: the JWT grant checks (audience, issuer, lifetime, jti,
// scopes), keyset paging with a next link only after a full page, SHA-256
// ETags, single byte ranges with If-Range, problem+json errors and complete
// confirmations that the excludeConfirmedBy filter honours, and the app API's
// public application metadata of the deployed apps (404 for any other). Hooks
// inject failures and corrupt content.
package clienttest
