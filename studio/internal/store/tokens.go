// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"
)

// Token is a personal API token. Hash is the hex SHA-256 of the secret, Prefix its
// first characters, shown in lists so a user can tell tokens apart.
type Token struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Name       string
	Prefix     string
	Hash       string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
}

// TableName implements gorm's tabler.
func (Token) TableName() string { return "studio_tokens" }

// CreateToken inserts t and fills its id and creation time.
func (s *Store) CreateToken(ctx context.Context, t *Token) error {
	t.CreatedAt = s.Now()
	return wrap("create token", s.db(ctx).Create(t).Error)
}

// TokenByHash returns the token whose secret hashes to hash, revoked or not.
func (s *Store) TokenByHash(ctx context.Context, hash string) (Token, error) {
	var t Token
	return t, wrap("token by hash", s.db(ctx).Where("hash = ?", hash).Take(&t).Error)
}

// TokensOf lists userID's tokens that are not revoked, newest first.
func (s *Store) TokensOf(ctx context.Context, userID int64) ([]Token, error) {
	var ts []Token
	err := s.db(ctx).Where("user_id = ? AND revoked_at IS NULL", userID).Order("created_at DESC, id DESC").Find(&ts).Error
	return ts, wrap("list tokens", err)
}

// RevokeToken revokes userID's token id. A token of another user, or one revoked
// already, is ErrNotFound, so nobody learns about tokens that are not theirs.
func (s *Store) RevokeToken(ctx context.Context, userID, id int64) error {
	res := s.db(ctx).Model(&Token{}).Where("id = ? AND user_id = ? AND revoked_at IS NULL", id, userID).
		Update("revoked_at", s.Now())
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("revoke token", ErrNotFound)
	}
	return wrap("revoke token", res.Error)
}

// TouchToken records that token id was used at now, at most once a minute.
func (s *Store) TouchToken(ctx context.Context, id int64) error {
	now := s.Now()
	err := s.db(ctx).Model(&Token{}).Where("id = ? AND (last_used_at IS NULL OR last_used_at <= ?)", id, now.Add(-touchEvery)).
		Update("last_used_at", now).Error
	return wrap("touch token", err)
}
