// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"time"
)

// Session is a server-side login session. ID is the hex SHA-256 of the cookie token
// (authn.HashToken), so a leaked table yields no usable cookie.
type Session struct {
	ID                string `gorm:"primaryKey"`
	UserID            int64
	CreatedAt         time.Time
	LastSeenAt        time.Time
	IdleSeconds       int64
	IdleExpiresAt     time.Time
	AbsoluteExpiresAt time.Time
}

// TableName implements gorm's tabler.
func (Session) TableName() string { return "studio_sessions" }

// touchEvery bounds how often SessionByID writes last_seen: a busy session costs one
// write a minute, not one per request.
const touchEvery = time.Minute

// CreateSession stores a session with id (the token hash) for userID.
func (s *Store) CreateSession(ctx context.Context, id string, userID int64, idle, absolute time.Duration) (Session, error) {
	now := s.Now()
	sess := Session{ID: id, UserID: userID, CreatedAt: now, LastSeenAt: now, IdleSeconds: int64(idle / time.Second),
		IdleExpiresAt: now.Add(idle), AbsoluteExpiresAt: now.Add(absolute)}
	if sess.IdleExpiresAt.After(sess.AbsoluteExpiresAt) {
		sess.IdleExpiresAt = sess.AbsoluteExpiresAt
	}
	return sess, wrap("create session", s.db(ctx).Create(&sess).Error)
}

// SessionByID returns the live session id and slides its idle expiry. An unknown or
// expired session is ErrNotFound; an expired one is deleted on the way.
func (s *Store) SessionByID(ctx context.Context, id string) (Session, error) {
	var sess Session
	if err := s.db(ctx).Where("id = ?", id).Take(&sess).Error; err != nil {
		return sess, wrap("session", err)
	}
	now := s.Now()
	if !now.Before(sess.IdleExpiresAt) || !now.Before(sess.AbsoluteExpiresAt) {
		_ = s.db(ctx).Delete(&Session{}, "id = ?", id).Error
		return Session{}, fmt.Errorf("store: session: expired: %w", ErrNotFound)
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		sess.LastSeenAt = now
		sess.IdleExpiresAt = now.Add(time.Duration(sess.IdleSeconds) * time.Second)
		if sess.IdleExpiresAt.After(sess.AbsoluteExpiresAt) {
			sess.IdleExpiresAt = sess.AbsoluteExpiresAt
		}
		err := s.db(ctx).Model(&Session{}).Where("id = ?", id).
			Updates(map[string]any{"last_seen_at": sess.LastSeenAt, "idle_expires_at": sess.IdleExpiresAt}).Error
		if err != nil {
			return Session{}, wrap("touch session", err)
		}
	}
	return sess, nil
}

// DeleteSession removes session id; a missing session is not an error.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	return wrap("delete session", s.db(ctx).Delete(&Session{}, "id = ?", id).Error)
}

// DeleteSessionsOf removes every session of userID, e.g. after a password change.
func (s *Store) DeleteSessionsOf(ctx context.Context, userID int64) error {
	return wrap("delete sessions", s.db(ctx).Delete(&Session{}, "user_id = ?", userID).Error)
}

// DeleteExpiredSessions removes sessions past either expiry and reports how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	now := s.Now()
	res := s.db(ctx).Delete(&Session{}, "idle_expires_at <= ? OR absolute_expires_at <= ?", now, now)
	return res.RowsAffected, wrap("delete expired sessions", res.Error)
}
