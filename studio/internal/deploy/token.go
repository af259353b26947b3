// SPDX-License-Identifier: MIT

package deploy

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/jwtgrant"
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

// fetchToken makes the JWT-grant token request for org's client: iss = sub =
// client id, aud = the token endpoint, the deploy scope.
func (c *Client) fetchToken(ctx context.Context, org string) (string, time.Duration, error) {
	assertion, err := jwtgrant.Sign(c.env.Key, jwtgrant.Claims{
		ClientID: c.ClientID(org), Audience: c.env.URL + pathToken, KeyID: c.env.KeyID,
		Scopes: []string{ScopeDeploy}, Now: c.now(),
	})
	if err != nil {
		return "", 0, fmt.Errorf("deploy: sign grant: %w", err)
	}
	tr, err := jwtgrant.Exchange(ctx, c.http, c.env.URL+pathToken, assertion, "", func(res *http.Response) error {
		return fmt.Errorf("token for %s: %w", c.ClientID(org), refused(c.env.Name, res))
	})
	if errors.Is(err, jwtgrant.ErrRequest) || errors.Is(err, jwtgrant.ErrTransport) || errors.Is(err, jwtgrant.ErrResponse) {
		return "", 0, fmt.Errorf("%w: %s: %w", ErrUnreachable, c.env.Name, err)
	}
	if err != nil {
		return "", 0, err
	}
	return tr.AccessToken, time.Duration(tr.ExpiresIn) * time.Second, nil
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
