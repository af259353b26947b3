// SPDX-License-Identifier: MIT

package jwtgrant

import (
	"context"
	"crypto"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// GrantType is the grant type of the token request (RFC 7523).
const GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

// AssertionTTL is the assertions' lifetime; the server accepts at most 2 minutes.
const AssertionTTL = 100 * time.Second

var (
	// ErrRequest reports a token request that could not be built.
	ErrRequest = errors.New("jwtgrant: token request")
	// ErrTransport reports a token request that got no response.
	ErrTransport = errors.New("jwtgrant: token endpoint unreachable")
	// ErrResponse reports a 200 response that carries no access token.
	ErrResponse = errors.New("jwtgrant: token response without access_token")
)

// TokenResponse is the OAuth 2.0 token response.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
}

// Claims describes one assertion: iss = sub = ClientID, aud = Audience (the
// token endpoint), issued at Now, with the requested Scopes; KeyID, when set,
// is sent as the "kid" header.
type Claims struct {
	ClientID string
	Audience string
	KeyID    string
	Scopes   []string
	Now      time.Time
}

// Sign returns the signed assertion for cl, valid for AssertionTTL with a
// random jti, so every call gives a new, independently valid grant.
func Sign(key crypto.Signer, cl Claims) (string, error) {
	method, err := SigningMethod(key)
	if err != nil {
		return "", err
	}
	jti := make([]byte, 16)
	_, _ = rand.Read(jti)
	claims := struct {
		jwt.RegisteredClaims
		Scope string `json:"scope"`
	}{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    cl.ClientID,
			Subject:   cl.ClientID,
			Audience:  jwt.ClaimStrings{cl.Audience},
			IssuedAt:  jwt.NewNumericDate(cl.Now),
			ExpiresAt: jwt.NewNumericDate(cl.Now.Add(AssertionTTL)),
			ID:        hex.EncodeToString(jti),
		},
		Scope: strings.Join(cl.Scopes, " "),
	}
	t := jwt.NewWithClaims(method, claims)
	if cl.KeyID != "" {
		t.Header["kid"] = cl.KeyID
	}
	s, err := t.SignedString(key)
	if err != nil {
		return "", fmt.Errorf("%w: sign assertion: %w", ErrKey, err)
	}
	return s, nil
}

// Exchange posts assertion to tokenURL and returns the token response, with
// ExpiresIn defaulted to 60 seconds. A non-200 response is handed to refused,
// whose error is returned as is; userAgent, when set, is sent. Other failures
// wrap ErrRequest, ErrTransport or ErrResponse.
func Exchange(ctx context.Context, hc *http.Client, tokenURL, assertion, userAgent string, refused func(*http.Response) error) (TokenResponse, error) {
	form := url.Values{"grant_type": {GrantType}, "assertion": {assertion}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return TokenResponse{}, fmt.Errorf("%w: %w", ErrRequest, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if userAgent != "" {
		req.Header.Set("User-Agent", userAgent)
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return TokenResponse{}, fmt.Errorf("%w: %w", ErrTransport, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return TokenResponse{}, refused(res)
	}
	var tr TokenResponse
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&tr); err != nil || tr.AccessToken == "" {
		return TokenResponse{}, ErrResponse
	}
	if tr.ExpiresIn <= 0 {
		tr.ExpiresIn = 60
	}
	return tr, nil
}
