// SPDX-License-Identifier: MIT

// Package jwtgrant is the client side of the JWT bearer grant (RFC 7523) that
// machine clients use to get a platform token: reading the client's private
// key from PEM, signing the assertion and exchanging it at the token endpoint.
//
// Both the Go SDK (runtime/client) and studio's deploy client use it, so it
// depends only on the standard library and golang-jwt; token caching and
// error classification stay with the callers, whose policies differ.
//
// Errors are sentinels wrapped with the "jwtgrant:" prefix; they never quote
// the key or the assertion.
package jwtgrant
