// SPDX-License-Identifier: MIT

package authn

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// GrantTypeJWTBearer is the grant type of the Maskinporten-style token request (RFC 7523).
const GrantTypeJWTBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"

// Client is a registered machine client.
type Client struct {
	// ID is the client id; assertions carry it as "iss".
	ID string
	// Org is the service-owner short code (urn:altinn:org); empty for other organisations.
	Org string
	// OrgNumber is the client organisation's number (urn:altinn:orgNumber).
	OrgNumber string
	// Scopes lists the scopes the client may request.
	Scopes []string
	// Keys are the client's registered public keys (see ParseJWKS).
	Keys *KeySet
	// Disabled clients are refused with ErrClientDisabled.
	Disabled bool
}

// ClientLookup finds a registered client. It returns an error wrapping ErrInvalidClient
// when the id is unknown; other errors are treated as server failures.
type ClientLookup func(ctx context.Context, clientID string) (Client, error)

// GrantConfig configures a GrantExchanger.
type GrantConfig struct {
	// Audience is the absolute URL of our token endpoint; assertions must name it in "aud".
	Audience string
	// Issuer signs the platform tokens.
	Issuer *Issuer
	// TokenTTL is the lifetime of issued tokens; default 30 minutes.
	TokenTTL time.Duration
	// MaxAssertionTTL caps exp − iat of assertions; default (and Maskinporten's) 2 minutes.
	MaxAssertionTTL time.Duration
	// ReplayCacheSize bounds the jti cache; default 100 000.
	ReplayCacheSize int
	// Now is the clock; default the Issuer's.
	Now func() time.Time
}

// GrantExchanger verifies client assertions and exchanges them for platform tokens.
// It keeps the jti replay cache, so make one per process and share it.
type GrantExchanger struct {
	cfg    GrantConfig
	replay *replayCache
}

// TokenResponse is the OAuth 2.0 token response.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
}

// NewGrantExchanger checks cfg and fills defaults.
func NewGrantExchanger(cfg GrantConfig) (*GrantExchanger, error) {
	if cfg.Audience == "" || cfg.Issuer == nil {
		return nil, fmt.Errorf("%w: grant exchanger needs an audience and an issuer", ErrInvalidConfig)
	}
	if cfg.TokenTTL == 0 {
		cfg.TokenTTL = 30 * time.Minute
	}
	if cfg.MaxAssertionTTL == 0 {
		cfg.MaxAssertionTTL = 2 * time.Minute
	}
	if cfg.ReplayCacheSize == 0 {
		cfg.ReplayCacheSize = 100_000
	}
	if cfg.Now == nil {
		cfg.Now = cfg.Issuer.now
	}
	return &GrantExchanger{cfg: cfg, replay: newReplayCache(cfg.ReplayCacheSize)}, nil
}

// assertionClaims are the claims of a client assertion.
type assertionClaims struct {
	jwt.RegisteredClaims
	Scope string `json:"scope"`
}

// ExchangeJWTGrant verifies assertion (a JWT signed by the client: iss = client id,
// aud = our token endpoint, exp − iat ≤ MaxAssertionTTL, a single-use jti and the
// requested scope) and issues a platform token for the client.
func (g *GrantExchanger) ExchangeJWTGrant(ctx context.Context, assertion string, lookup ClientLookup) (TokenResponse, error) {
	var client Client
	var claims assertionClaims
	var clientErr error // kept apart so lookup failures are not reported as bad grants
	_, err := jwt.ParseWithClaims(assertion, &claims, func(t *jwt.Token) (any, error) {
		client, clientErr = g.client(ctx, claims.Issuer, lookup)
		if clientErr != nil {
			return nil, clientErr
		}
		kid, _ := t.Header["kid"].(string)
		return client.Keys.Lookup(kid, t.Method.Alg())
	},
		jwt.WithValidMethods([]string{AlgRS256, AlgES256, AlgEdDSA}),
		jwt.WithAudience(g.cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(10*time.Second),
		jwt.WithTimeFunc(g.cfg.Now),
	)
	if err != nil {
		if clientErr != nil {
			return TokenResponse{}, clientErr
		}
		return TokenResponse{}, grantError(err)
	}
	if claims.IssuedAt == nil || claims.ExpiresAt.Sub(claims.IssuedAt.Time) > g.cfg.MaxAssertionTTL ||
		claims.ExpiresAt.Sub(g.cfg.Now()) > g.cfg.MaxAssertionTTL+10*time.Second {
		return TokenResponse{}, fmt.Errorf("%w: at most %s", ErrAssertionLifetime, g.cfg.MaxAssertionTTL)
	}
	if claims.ID == "" {
		return TokenResponse{}, fmt.Errorf("%w: jti missing", ErrInvalidGrant)
	}
	scopes := strings.Fields(claims.Scope)
	if len(scopes) == 0 {
		return TokenResponse{}, fmt.Errorf("%w: no scope requested", ErrScopeNotAllowed)
	}
	for _, s := range scopes {
		if !slices.Contains(client.Scopes, s) {
			return TokenResponse{}, fmt.Errorf("%w: %q", ErrScopeNotAllowed, s)
		}
	}
	// Record the jti only once everything else holds, so a rejected request cannot burn
	// a jti; the expiry bounds how long the entry is kept.
	if err := g.replay.use(client.ID+"\x00"+claims.ID, claims.ExpiresAt.Time, g.cfg.Now()); err != nil {
		return TokenResponse{}, err
	}
	token, issued, err := g.cfg.Issuer.Issue(Claims{
		Subject:    client.ID,
		ClientID:   client.ID,
		Org:        client.Org,
		OrgNumber:  client.OrgNumber,
		Scopes:     scopes,
		AuthLevel:  3,
		AuthMethod: "maskinporten",
	}, g.cfg.TokenTTL)
	if err != nil {
		return TokenResponse{}, err
	}
	return TokenResponse{
		AccessToken: token,
		TokenType:   "Bearer",
		ExpiresIn:   int(issued.ExpiresAt.Sub(issued.IssuedAt).Seconds()),
		Scope:       strings.Join(scopes, " "),
	}, nil
}

func (g *GrantExchanger) client(ctx context.Context, id string, lookup ClientLookup) (Client, error) {
	if id == "" {
		return Client{}, fmt.Errorf("%w: iss missing", ErrInvalidRequest)
	}
	c, err := lookup(ctx, id)
	if err != nil {
		if errors.Is(err, ErrInvalidClient) {
			return Client{}, ErrInvalidClient
		}
		return Client{}, fmt.Errorf("%w: client lookup: %w", ErrServer, err)
	}
	if c.ID != id {
		return Client{}, ErrInvalidClient
	}
	if c.Disabled {
		return Client{}, ErrClientDisabled
	}
	return c, nil
}

// grantError maps the library's verification errors to ErrInvalidGrant.
func grantError(err error) error {
	if errors.Is(err, ErrUnknownKey) {
		return fmt.Errorf("%w: no registered key matches", ErrInvalidGrant)
	}
	e := mapJWTError(err, ErrInvalidGrant)
	if errors.Is(e, ErrTokenExpired) {
		return fmt.Errorf("%w: %w", ErrInvalidGrant, e)
	}
	return e
}
