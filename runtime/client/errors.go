// SPDX-License-Identifier: MIT

package client

import (
	"errors"
	"fmt"
)

// Sentinel errors; the errors returned wrap them, so test with errors.Is.
var (
	// ErrConfig reports a client that cannot work as configured.
	ErrConfig = errors.New("client: invalid configuration")
	// ErrNoCredentials means a call needs a token but the client has neither a
	// client key nor a static token.
	ErrNoCredentials = errors.New("client: no credentials")
	// ErrToken reports a failed token request (the cause is wrapped too).
	ErrToken = errors.New("client: token request failed")
	// ErrHashMismatch means downloaded content does not have the SHA-256 the
	// server announced.
	ErrHashMismatch = errors.New("client: SHA-256 mismatch")
	// ErrNotResumable means a download had to start over but its writer cannot
	// be truncated.
	ErrNotResumable = errors.New("client: download cannot be resumed")
	// ErrProtocol reports a response the client cannot make sense of.
	ErrProtocol = errors.New("client: unexpected response")
)

// CodePDFPending is the code of the 409 that Complete gets while the
// instance's PDF receipt is still being made: download the instance again a
// little later (the response's Retry-After says how much) and confirm then.
const CodePDFPending = "pdf_pending"

// CodeInstanceChanged is the code of the 412 that CompleteUnchanged gets when
// the instance changed since it was read.
const CodeInstanceChanged = "instance_changed"

// APIError is a failed API call: the server's problem+json (RFC 9457) or, for
// the token endpoint, its OAuth 2.0 error.
type APIError struct {
	// Status is the HTTP status code.
	Status int
	// Code is the stable problem code (or the OAuth error code).
	Code string
	// Title is the short summary of the status.
	Title string
	// Detail explains this occurrence and is safe to show.
	Detail string
	// TraceID is the server's request id, for support.
	TraceID string
}

// Error implements error.
func (e *APIError) Error() string {
	msg := fmt.Sprintf("client: HTTP %d", e.Status)
	if e.Code != "" {
		msg += " " + e.Code
	}
	switch {
	case e.Detail != "":
		msg += ": " + e.Detail
	case e.Title != "":
		msg += ": " + e.Title
	}
	if e.TraceID != "" {
		msg += " (trace " + e.TraceID + ")"
	}
	return msg
}

// Temporary reports whether repeating the call may succeed (429 or 5xx).
func (e *APIError) Temporary() bool {
	return e.Status == 429 || e.Status >= 500
}
