// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/studio/internal/store"
)

// TokenPrefix starts every personal API token, so secret scanners and Authenticate can
// tell a token from a password.
const TokenPrefix = "bst_"

const (
	tokenBytes = 32
	// tokenLen is TokenPrefix plus 32 random bytes in unpadded lowercase base32.
	tokenLen = len(TokenPrefix) + 52
	// shownPrefix is how much of a token lists show: the prefix and 8 random characters.
	shownPrefix  = len(TokenPrefix) + 8
	maxTokenName = 100
)

var tokenEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// Token describes a personal API token; the secret itself is shown only at creation.
type Token struct {
	ID         int64
	Name       string
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
}

func tokenOf(t store.Token) Token {
	return Token{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt, ExpiresAt: t.ExpiresAt}
}

func looksLikeToken(s string) bool {
	return len(s) == tokenLen && strings.HasPrefix(s, TokenPrefix)
}

// CreateToken makes a personal API token for p called name, valid for ttl (0: until
// revoked). It returns the secret, which is stored only as its SHA-256. A token cannot
// create tokens: a leaked one must not be able to outlive its revocation.
func (s *Service) CreateToken(ctx context.Context, p Principal, name string, ttl time.Duration) (string, Token, error) {
	if p.TokenID != 0 {
		return "", Token{}, fmt.Errorf("%w: tokens can only be created after logging in with a password or session", ErrForbidden)
	}
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > maxTokenName {
		return "", Token{}, fmt.Errorf("%w: token name: 1–%d characters", ErrInvalid, maxTokenName)
	}
	if ttl < 0 {
		return "", Token{}, fmt.Errorf("%w: token lifetime must not be negative", ErrInvalid)
	}
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	secret := TokenPrefix + strings.ToLower(tokenEncoding.EncodeToString(b))
	t := store.Token{UserID: p.UserID, Name: name, Prefix: secret[:shownPrefix], Hash: authn.HashToken(secret)}
	if ttl > 0 {
		exp := s.st.Now().Add(ttl)
		t.ExpiresAt = &exp
	}
	if err := s.st.CreateToken(ctx, &t); err != nil {
		return "", Token{}, mapStore(err)
	}
	return secret, tokenOf(t), nil
}

// Tokens lists p's live tokens, newest first.
func (s *Service) Tokens(ctx context.Context, p Principal) ([]Token, error) {
	ts, err := s.st.TokensOf(ctx, p.UserID)
	if err != nil {
		return nil, mapStore(err)
	}
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = tokenOf(t)
	}
	return out, nil
}

// RevokeToken revokes p's token id. Another user's token is ErrNotFound.
func (s *Service) RevokeToken(ctx context.Context, p Principal, id int64) error {
	err := s.st.RevokeToken(ctx, p.UserID, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w: token %d", ErrNotFound, id)
	}
	return mapStore(err)
}

// authenticateToken checks a token secret. ErrNotFound means no token has this secret.
func (s *Service) authenticateToken(ctx context.Context, user, secret string) (Principal, error) {
	t, err := s.st.TokenByHash(ctx, authn.HashToken(secret))
	if err != nil {
		return Principal{}, mapStore(err)
	}
	if t.RevokedAt != nil || (t.ExpiresAt != nil && !s.st.Now().Before(*t.ExpiresAt)) {
		return Principal{}, fmt.Errorf("%w: token revoked or expired", ErrBadCredentials)
	}
	u, err := s.st.UserByID(ctx, t.UserID)
	if err != nil {
		return Principal{}, mapStore(err)
	}
	if user != "" && user != u.Username {
		return Principal{}, fmt.Errorf("%w: token belongs to another user", ErrBadCredentials)
	}
	// Last used is advisory: failing to record it must not refuse the request.
	_ = s.st.TouchToken(ctx, t.ID)
	p := principalOf(u)
	p.TokenID = t.ID
	return p, nil
}
