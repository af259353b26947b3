// SPDX-License-Identifier: MIT

package authn

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// loginClaims is the login state as a short-lived HS256 JWT: golang-jwt gives us the
// MAC, expiry and constant-time checks, so the cookie format needs no code of its own.
type loginClaims struct {
	jwt.RegisteredClaims
	State    string `json:"st"`
	Nonce    string `json:"nn"`
	Verifier string `json:"cv"`
	ReturnTo string `json:"rt,omitempty"`
}

const loginAudience = "blankett-login-state"

func (rp *RP) sealState(ls LoginState) (string, error) {
	now := rp.cfg.Now()
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, loginClaims{
		RegisteredClaims: jwt.RegisteredClaims{Audience: jwt.ClaimStrings{loginAudience},
			IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(rp.cfg.LoginTTL))},
		State: ls.State, Nonce: ls.Nonce, Verifier: ls.Verifier, ReturnTo: ls.ReturnTo,
	})
	s, err := t.SignedString(rp.cfg.StateKey)
	if err != nil {
		return "", fmt.Errorf("%w: seal login state", ErrInvalidConfig)
	}
	return s, nil
}

func (rp *RP) openState(value string) (LoginState, error) {
	var c loginClaims
	_, err := jwt.ParseWithClaims(value, &c, func(*jwt.Token) (any, error) { return rp.cfg.StateKey, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience(loginAudience), jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(rp.cfg.Now), jwt.WithLeeway(5*time.Second))
	if err != nil {
		return LoginState{}, fmt.Errorf("%w: %w", ErrLoginState, mapJWTError(err, ErrInvalidToken))
	}
	return LoginState{State: c.State, Nonce: c.Nonce, Verifier: c.Verifier, ReturnTo: c.ReturnTo}, nil
}
