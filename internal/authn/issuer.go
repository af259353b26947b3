// SPDX-License-Identifier: MIT

package authn

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// IssuerConfig configures an Issuer.
type IssuerConfig struct {
	// Issuer is the "iss" of every token, normally the platform's base URL.
	Issuer string
	// Key signs new tokens.
	Key SigningKey
	// Previous are keys that no longer sign but whose tokens still verify (rotation).
	Previous []PublicKey
	// Leeway tolerates clock skew when verifying; default 30 s.
	Leeway time.Duration
	// Now is the clock; default time.Now. Tests set it.
	Now func() time.Time
}

// Issuer issues and verifies platform tokens: EdDSA JWTs with Altinn's claim names.
// It is safe for concurrent use.
type Issuer struct {
	iss    string
	key    SigningKey
	keys   *KeySet
	leeway time.Duration
	now    func() time.Time
	cache  verifiedCache
}

// NewIssuer checks cfg and builds an Issuer.
func NewIssuer(cfg IssuerConfig) (*Issuer, error) {
	if cfg.Issuer == "" {
		return nil, fmt.Errorf("%w: issuer is empty", ErrInvalidConfig)
	}
	if !cfg.Key.valid() {
		return nil, fmt.Errorf("%w: signing key missing or without kid", ErrInvalidConfig)
	}
	keys, err := NewKeySet(append([]PublicKey{cfg.Key.Public()}, cfg.Previous...)...)
	if err != nil {
		return nil, err
	}
	if cfg.Leeway == 0 {
		cfg.Leeway = 30 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Issuer{iss: cfg.Issuer, key: cfg.Key, keys: keys, leeway: cfg.Leeway, now: cfg.Now}, nil
}

// KeySet returns the keys tokens of this issuer verify against; publish it as JWKS.
func (i *Issuer) KeySet() *KeySet { return i.keys }

// JWKSHandler serves the issuer's public keys.
func (i *Issuer) JWKSHandler() http.Handler { return JWKSHandler(i.keys) }

// Name returns the "iss" value of the tokens.
func (i *Issuer) Name() string { return i.iss }

// Issue signs a token valid for ttl. It sets iat, nbf, exp and a random jti and returns
// the claims as issued next to the token.
func (i *Issuer) Issue(c Claims, ttl time.Duration) (string, Claims, error) {
	if ttl <= 0 {
		return "", Claims{}, fmt.Errorf("%w: token lifetime must be positive", ErrInvalidConfig)
	}
	now := i.now().Truncate(time.Second)
	c.IssuedAt, c.ExpiresAt, c.ID = now, now.Add(ttl), rand.Text()
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, toWire(c, i.iss))
	tok.Header["kid"] = i.key.ID
	signed, err := tok.SignedString(i.key.Private)
	if err != nil {
		return "", Claims{}, fmt.Errorf("%w: sign: %v", ErrInvalidConfig, err)
	}
	return signed, c, nil
}

// Verify checks a platform token's signature, issuer and lifetime and returns its
// claims. Errors wrap ErrTokenExpired, ErrUnknownKey or ErrInvalidToken. A token
// that verified is remembered until it expires (see verifiedCache).
func (i *Issuer) Verify(token string) (Claims, error) {
	now := i.now()
	if c, ok := i.cache.get(token, now); ok {
		return c, nil
	}
	c, err := i.verify(token)
	if err != nil {
		return Claims{}, err
	}
	i.cache.put(token, c, now, c.ExpiresAt.Add(i.leeway))
	return c, nil
}

func (i *Issuer) verify(token string) (Claims, error) {
	var w wireClaims
	_, err := jwt.ParseWithClaims(token, &w, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		return i.keys.Lookup(kid, AlgEdDSA)
	},
		jwt.WithValidMethods([]string{AlgEdDSA}),
		jwt.WithIssuer(i.iss),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(i.leeway),
		jwt.WithTimeFunc(i.now),
	)
	if err != nil {
		return Claims{}, mapJWTError(err, ErrInvalidToken)
	}
	c, err := fromWire(&w)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: bad claim value", err)
	}
	return c, nil
}

// mapJWTError turns golang-jwt's errors into this package's sentinels. The library's
// messages never contain token contents, but we keep only the category anyway.
func mapJWTError(err error, fallback error) error {
	switch {
	case errors.Is(err, ErrUnknownKey):
		return ErrUnknownKey
	case errors.Is(err, jwt.ErrTokenExpired), errors.Is(err, jwt.ErrTokenNotValidYet),
		errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return ErrTokenExpired
	case errors.Is(err, jwt.ErrTokenMalformed):
		return fmt.Errorf("%w: malformed", fallback)
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return fmt.Errorf("%w: signature invalid", fallback)
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return fmt.Errorf("%w: wrong issuer", fallback)
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return fmt.Errorf("%w: wrong audience", fallback)
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return fmt.Errorf("%w: required claim missing", fallback)
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		return fmt.Errorf("%w: algorithm not accepted", fallback)
	}
	return fmt.Errorf("%w: rejected", fallback)
}
