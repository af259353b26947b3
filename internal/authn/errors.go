// SPDX-License-Identifier: MIT

package authn

import "errors"

// Sentinel errors. Every error returned by this package wraps exactly one of them, so
// callers map errors to responses with errors.Is and never parse messages.
var (
	// ErrInvalidConfig reports a configuration that cannot work.
	ErrInvalidConfig = errors.New("authn: invalid configuration")
	// ErrLoginState reports a missing, expired or tampered login-state cookie.
	ErrLoginState = errors.New("authn: login state missing or invalid")
	// ErrStateMismatch reports a callback whose state does not match the login state.
	ErrStateMismatch = errors.New("authn: state mismatch")
	// ErrProviderError reports an error the identity provider sent back to the callback.
	ErrProviderError = errors.New("authn: identity provider returned an error")
	// ErrCodeExchange reports a failed authorization-code exchange (bad, used or expired
	// code, wrong PKCE verifier, client not accepted).
	ErrCodeExchange = errors.New("authn: code exchange failed")
	// ErrIDToken reports an ID token that failed verification (signature, issuer,
	// audience, expiry).
	ErrIDToken = errors.New("authn: id token invalid")
	// ErrNonceMismatch reports an ID token whose nonce does not match the login state.
	ErrNonceMismatch = errors.New("authn: nonce mismatch")
	// ErrMissingClaim reports a verified token that lacks a required claim.
	ErrMissingClaim = errors.New("authn: required claim missing")

	// ErrInvalidToken reports a platform token that is malformed or badly signed.
	ErrInvalidToken = errors.New("authn: token invalid")
	// ErrTokenExpired reports a token (or assertion) that is expired or not yet valid.
	ErrTokenExpired = errors.New("authn: token expired or not yet valid")
	// ErrUnknownKey reports a kid that is not in the key set.
	ErrUnknownKey = errors.New("authn: unknown signing key")
	// ErrInvalidKey reports a JWK that cannot be used.
	ErrInvalidKey = errors.New("authn: invalid key")

	// ErrUnsupportedGrantType reports a token request with another grant type.
	ErrUnsupportedGrantType = errors.New("authn: unsupported grant type")
	// ErrInvalidRequest reports a token request that lacks a parameter or is malformed.
	ErrInvalidRequest = errors.New("authn: invalid token request")
	// ErrInvalidClient reports an unknown client.
	ErrInvalidClient = errors.New("authn: unknown client")
	// ErrClientDisabled reports a registered client that has been disabled.
	ErrClientDisabled = errors.New("authn: client disabled")
	// ErrInvalidGrant reports an assertion that failed verification (signature, audience,
	// issuer, missing claims).
	ErrInvalidGrant = errors.New("authn: invalid grant")
	// ErrAssertionLifetime reports an assertion valid for longer than allowed.
	ErrAssertionLifetime = errors.New("authn: assertion lifetime too long")
	// ErrReplay reports an assertion whose jti was already used.
	ErrReplay = errors.New("authn: assertion replayed")
	// ErrScopeNotAllowed reports requested scopes outside the client's allowed scopes.
	ErrScopeNotAllowed = errors.New("authn: scope not allowed")
	// ErrBusy reports a full replay cache; the client should retry shortly.
	ErrBusy = errors.New("authn: temporarily unavailable")

	// ErrServer reports a failure on our side, e.g. a client lookup that could not run.
	ErrServer = errors.New("authn: server error")

	// ErrNoSession reports a request without a well-formed session cookie.
	ErrNoSession = errors.New("authn: no session cookie")
)
