// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/studio/internal/store"
)

// Authenticate implements Authenticator: a personal API token (recognised by its
// prefix) with the owner's name or no name, else a password.
func (s *Service) Authenticate(ctx context.Context, user, secret string) (Principal, error) {
	user = strings.ToLower(strings.TrimSpace(user))
	if looksLikeToken(secret) {
		p, err := s.authenticateToken(ctx, user, secret)
		if !errors.Is(err, ErrNotFound) {
			return p, err
		}
		// Not one of ours: perhaps a password that happens to look like a token.
	}
	return s.LoginPassword(ctx, user, secret)
}

// LoginPassword checks user's password. Every failure is ErrBadCredentials, and an
// unknown user costs the same hashing time as a wrong password.
func (s *Service) LoginPassword(ctx context.Context, user, pw string) (Principal, error) {
	user = strings.ToLower(strings.TrimSpace(user))
	if user == "" || pw == "" || len(pw) > maxPasswordLen {
		return Principal{}, fmt.Errorf("%w: user name and password required", ErrBadCredentials)
	}
	u, err := s.st.UserByName(ctx, user)
	switch {
	case errors.Is(err, store.ErrNotFound):
		VerifyPassword(pw, s.dummy)
		return Principal{}, ErrBadCredentials
	case err != nil:
		return Principal{}, mapStore(err)
	case u.PasswordHash == "":
		VerifyPassword(pw, s.dummy)
		return Principal{}, ErrBadCredentials
	case !VerifyPassword(pw, u.PasswordHash):
		return Principal{}, ErrBadCredentials
	}
	if needsRehash(u.PasswordHash, s.opt.Argon2) {
		// Raised cost parameters reach each user at their next login. Failing to store
		// the new hash is harmless: the old one still verifies.
		u.PasswordHash = HashPassword(pw, s.opt.Argon2)
		_ = s.st.UpdateUser(ctx, &u)
	}
	return principalOf(u), nil
}

// StartSession creates a session for p and returns the cookie token and when the
// session ends at the latest.
func (s *Service) StartSession(ctx context.Context, p Principal) (string, time.Time, error) {
	token, hash, err := authn.NewSessionToken()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("account: %w", err)
	}
	sess, err := s.st.CreateSession(ctx, hash, p.UserID, s.opt.Idle, s.opt.Absolute)
	if err != nil {
		return "", time.Time{}, mapStore(err)
	}
	return token, sess.AbsoluteExpiresAt, nil
}

// SessionPrincipal returns the principal of a live session. An unknown or expired
// session is ErrBadCredentials.
func (s *Service) SessionPrincipal(ctx context.Context, token string) (Principal, error) {
	sess, err := s.st.SessionByID(ctx, authn.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, fmt.Errorf("%w: session unknown or expired", ErrBadCredentials)
	}
	if err != nil {
		return Principal{}, mapStore(err)
	}
	u, err := s.st.UserByID(ctx, sess.UserID)
	if err != nil {
		return Principal{}, mapStore(err)
	}
	return principalOf(u), nil
}

// EndSession deletes the session of token; an unknown one is fine.
func (s *Service) EndSession(ctx context.Context, token string) error {
	return mapStore(s.st.DeleteSession(ctx, authn.HashToken(token)))
}

// PruneSessions deletes expired sessions and reports how many; sessions also expire
// when met, so this only keeps the table small.
func (s *Service) PruneSessions(ctx context.Context) (int64, error) {
	n, err := s.st.DeleteExpiredSessions(ctx)
	return n, mapStore(err)
}
