// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/internal/jwtgrant"
)

// GrantTypeJWTBearer is the grant type of the token request (RFC 7523).
const GrantTypeJWTBearer = jwtgrant.GrantType

// Token returns a platform token: the static one, or a cached one from the JWT
// grant, fetched anew shortly before it expires.
func (c *Client) Token(ctx context.Context) (string, error) {
	if c.static != "" {
		return c.static, nil
	}
	if c.key == nil {
		return "", ErrNoCredentials
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok != "" && c.now().Before(c.tokExp) {
		return c.tok, nil
	}
	var resp jwtgrant.TokenResponse
	err := c.retry.do(ctx, func() error {
		var err error
		resp, err = c.fetchToken(ctx)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrToken, err)
	}
	c.tok, c.tokExp = resp.AccessToken, c.now().Add(refreshAt(time.Duration(resp.ExpiresIn)*time.Second))
	return c.tok, nil
}

// refreshAt is how long a token of lifetime ttl is used: until a minute before
// expiry, or until 90% of a short lifetime.
func refreshAt(ttl time.Duration) time.Duration {
	if ttl > 5*time.Minute {
		return ttl - time.Minute
	}
	return ttl * 9 / 10
}

// forgetToken drops the cached token tok, after the server refused it.
func (c *Client) forgetToken(tok string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok == tok {
		c.tok = ""
	}
}

// fetchToken makes one token request with a fresh assertion (each has its own
// jti, so a retry is a new, valid request). Network failures stay retryable;
// a bad key or request is ErrConfig and a malformed answer ErrProtocol.
func (c *Client) fetchToken(ctx context.Context) (jwtgrant.TokenResponse, error) {
	assertion, err := jwtgrant.Sign(c.key, jwtgrant.Claims{
		ClientID: c.clientID, Audience: c.TokenURL(), KeyID: c.keyID, Scopes: c.scopes, Now: c.now(),
	})
	if err != nil {
		return jwtgrant.TokenResponse{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	tr, err := jwtgrant.Exchange(ctx, c.http, c.TokenURL(), assertion, c.userAgent, decodeError)
	switch {
	case errors.Is(err, jwtgrant.ErrRequest):
		return tr, fmt.Errorf("%w: %w", ErrConfig, err)
	case errors.Is(err, jwtgrant.ErrResponse):
		return tr, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return tr, err
}
