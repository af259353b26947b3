// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// GrantTypeJWTBearer is the grant type of the token request (RFC 7523).
const GrantTypeJWTBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"

// assertionTTL is the assertions' lifetime; the server accepts at most 2 minutes.
const assertionTTL = 100 * time.Second

// tokenResponse is the OAuth 2.0 token response.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
}

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
	var resp tokenResponse
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
// jti, so a retry is a new, valid request).
func (c *Client) fetchToken(ctx context.Context) (tokenResponse, error) {
	assertion, err := c.assertion()
	if err != nil {
		return tokenResponse{}, err
	}
	form := url.Values{"grant_type": {GrantTypeJWTBearer}, "assertion": {assertion}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.TokenURL(), strings.NewReader(form.Encode()))
	if err != nil {
		return tokenResponse{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	res, err := c.http.Do(req)
	if err != nil {
		return tokenResponse{}, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return tokenResponse{}, decodeError(res)
	}
	var tr tokenResponse
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&tr); err != nil || tr.AccessToken == "" {
		return tokenResponse{}, fmt.Errorf("%w: token response without access_token", ErrProtocol)
	}
	if tr.ExpiresIn <= 0 {
		tr.ExpiresIn = 60
	}
	return tr, nil
}

// assertion is the client's signed JWT: iss = sub = client id, aud = the
// token endpoint, a short lifetime, a random jti and the scopes.
func (c *Client) assertion() (string, error) {
	method, err := signingMethod(c.key)
	if err != nil {
		return "", err
	}
	jti := make([]byte, 16)
	_, _ = rand.Read(jti)
	now := c.now()
	claims := struct {
		jwt.RegisteredClaims
		Scope string `json:"scope"`
	}{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    c.clientID,
			Subject:   c.clientID,
			Audience:  jwt.ClaimStrings{c.TokenURL()},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(assertionTTL)),
			ID:        hex.EncodeToString(jti),
		},
		Scope: strings.Join(c.scopes, " "),
	}
	t := jwt.NewWithClaims(method, claims)
	if c.keyID != "" {
		t.Header["kid"] = c.keyID
	}
	s, err := t.SignedString(c.key)
	if err != nil {
		return "", fmt.Errorf("%w: sign assertion: %w", ErrConfig, err)
	}
	return s, nil
}

// signingMethod picks the JWS algorithm for key: EdDSA, RS256 or ES256.
func signingMethod(key crypto.Signer) (jwt.SigningMethod, error) {
	switch k := key.(type) {
	case ed25519.PrivateKey:
		return jwt.SigningMethodEdDSA, nil
	case *rsa.PrivateKey:
		return jwt.SigningMethodRS256, nil
	case *ecdsa.PrivateKey:
		if k.Curve == elliptic.P256() {
			return jwt.SigningMethodES256, nil
		}
		return nil, fmt.Errorf("%w: EC keys must be on P-256", ErrConfig)
	}
	return nil, fmt.Errorf("%w: key type %T not supported (Ed25519, RSA or EC P-256)", ErrConfig, key)
}
