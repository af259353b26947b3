// SPDX-License-Identifier: MIT

package deploy

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

	"github.com/blankett/blankett/internal/authn"
	"github.com/golang-jwt/jwt/v5"
)

// token returns a platform token for org's client, cached until a minute
// before it expires.
func (c *Client) token(ctx context.Context, org string) (string, error) {
	if c.env.Key == nil {
		return "", fmt.Errorf("%w: %s", ErrNotConfigured, c.env.Name)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.tokens[org]; ok && c.now().Before(t.exp) {
		return t.tok, nil
	}
	if c.env.Register != nil && !c.registered[org] {
		jwks, err := JWKS(c.env.Key, c.env.KeyID)
		if err != nil {
			return "", err
		}
		if err := c.env.Register(ctx, c.ClientID(org), org, jwks); err != nil {
			return "", fmt.Errorf("deploy: register client %s: %w", c.ClientID(org), err)
		}
		c.registered[org] = true
	}
	tok, ttl, err := c.fetchToken(ctx, org)
	if err != nil {
		return "", err
	}
	if ttl > 2*time.Minute {
		ttl -= time.Minute
	} else {
		ttl = ttl * 9 / 10
	}
	c.tokens[org] = cachedToken{tok: tok, exp: c.now().Add(ttl)}
	return tok, nil
}

func (c *Client) forget(org string) {
	c.mu.Lock()
	delete(c.tokens, org)
	c.mu.Unlock()
}

// fetchToken makes the JWT-grant token request for org's client.
func (c *Client) fetchToken(ctx context.Context, org string) (string, time.Duration, error) {
	assertion, err := c.assertion(org)
	if err != nil {
		return "", 0, err
	}
	form := url.Values{"grant_type": {authn.GrantTypeJWTBearer}, "assertion": {assertion}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.env.URL+pathToken, strings.NewReader(form.Encode()))
	if err != nil {
		return "", 0, fmt.Errorf("%w: %s: %w", ErrUnreachable, c.env.Name, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return "", 0, fmt.Errorf("%w: %s: token: %w", ErrUnreachable, c.env.Name, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", 0, fmt.Errorf("token for %s: %w", c.ClientID(org), refused(c.env.Name, res))
	}
	var tr authn.TokenResponse
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&tr); err != nil || tr.AccessToken == "" {
		return "", 0, fmt.Errorf("%w: %s: token response without access_token", ErrUnreachable, c.env.Name)
	}
	if tr.ExpiresIn <= 0 {
		tr.ExpiresIn = 60
	}
	return tr.AccessToken, time.Duration(tr.ExpiresIn) * time.Second, nil
}

// assertion is org's client's signed grant: iss = sub = client id, aud = the
// token endpoint, 100 seconds, a random jti, the deploy scope.
func (c *Client) assertion(org string) (string, error) {
	method, err := signingMethod(c.env.Key)
	if err != nil {
		return "", err
	}
	jti := make([]byte, 16)
	_, _ = rand.Read(jti)
	now := c.now()
	claims := struct {
		jwt.RegisteredClaims
		Scope string `json:"scope"`
	}{jwt.RegisteredClaims{
		Issuer: c.ClientID(org), Subject: c.ClientID(org), Audience: jwt.ClaimStrings{c.env.URL + pathToken},
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(100 * time.Second)),
		ID: hex.EncodeToString(jti),
	}, ScopeDeploy}
	t := jwt.NewWithClaims(method, claims)
	if c.env.KeyID != "" {
		t.Header["kid"] = c.env.KeyID
	}
	s, err := t.SignedString(c.env.Key)
	if err != nil {
		return "", fmt.Errorf("deploy: sign grant: %w", err)
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
	}
	return nil, fmt.Errorf("deploy: key type %T not supported (Ed25519, RSA or EC P-256)", key)
}

// JWKS returns the JWK Set of key's public half, as the runtime registers a
// client's keys; only Ed25519 keys are supported here (dev registration and
// the docs' examples use them).
func JWKS(key crypto.Signer, kid string) ([]byte, error) {
	priv, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("deploy: JWKS of %T: only Ed25519 keys are registered automatically", key)
	}
	pk := authn.NewSigningKey(priv).Public()
	if kid != "" {
		pk.ID = kid
	}
	ks, err := authn.NewKeySet(authn.PublicKey{ID: pk.ID, Algorithm: authn.AlgEdDSA, Key: priv.Public()})
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	return ks.MarshalJSON()
}

// DevKey returns a fresh Ed25519 key and its key id, for dev mode.
func DevKey() (crypto.Signer, string, error) {
	sk, err := authn.GenerateSigningKey()
	if err != nil {
		return nil, "", err
	}
	pub := sk.Public()
	return sk.Private, pub.ID, nil
}
