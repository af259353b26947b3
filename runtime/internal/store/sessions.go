// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"
)

// Session is a server-side login session. ID is the hex SHA-256 of the cookie token,
// so a database leak does not leak usable cookies.
type Session struct {
	ID                string `gorm:"primaryKey;size:64"`
	UserID            int64
	PartyID           int64 // the selected party (reportee)
	AuthLevel         int
	IdleSeconds       int64
	Created           time.Time
	LastSeen          time.Time
	IdleExpiresAt     time.Time
	AbsoluteExpiresAt time.Time
	// UserPartyID is the user's own party, read with the session (GetSession
	// joins users) so that authenticating a request costs one query; never written.
	UserPartyID int64 `gorm:"->;-:migration"`
}

// TableName implements gorm's tabler.
func (Session) TableName() string { return "sessions" }

// NewSession describes a session to create.
type NewSession struct {
	UserID, PartyID int64
	AuthLevel       int
	Idle, Absolute  time.Duration
}

// touchEvery bounds how often GetSession writes last_seen: a busy session costs one
// write a minute, not one per request.
const touchEvery = time.Minute

func sessionID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession stores a new session and returns the raw token for the cookie; only its
// hash is kept.
func (s *Store) CreateSession(ctx context.Context, n NewSession) (string, Session, error) {
	if n.Idle <= 0 || n.Absolute <= 0 {
		return "", Session{}, fmt.Errorf("%w: session timeouts must be positive", ErrInvalid)
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw) // crypto/rand.Read never fails
	token := base64.RawURLEncoding.EncodeToString(raw)
	now := s.clock()
	sess := Session{ID: sessionID(token), UserID: n.UserID, PartyID: n.PartyID, AuthLevel: n.AuthLevel,
		IdleSeconds: int64(n.Idle / time.Second), Created: now, LastSeen: now,
		IdleExpiresAt: ts(now.Add(n.Idle)), AbsoluteExpiresAt: ts(now.Add(n.Absolute))}
	sess.IdleExpiresAt = minTime(sess.IdleExpiresAt, sess.AbsoluteExpiresAt)
	return token, sess, wrap("create session", s.db(ctx).Create(&sess).Error)
}

// getSessionSQL selects every column of Session, in the order GetSession scans.
var getSessionSQL = newRawSQL("SELECT sessions.id, sessions.user_id, sessions.party_id, sessions.auth_level, " +
	"sessions.idle_seconds, sessions.created, sessions.last_seen, sessions.idle_expires_at, sessions.absolute_expires_at, " +
	"users.party_id AS user_party_id FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.id = ?")

// GetSession returns the live session for token, with its user's party, and slides
// its idle expiry. An unknown or expired token is ErrNotFound; an expired session
// is deleted. Every authenticated request reads its session, so the read bypasses
// gorm (see rawSQL).
func (s *Store) GetSession(ctx context.Context, token string) (Session, error) {
	var sess Session
	if err := s.queryRow(ctx, getSessionSQL, []any{sessionID(token)}, sessionDest(&sess)...); err != nil {
		return Session{}, wrap("get session", err)
	}
	return s.live(ctx, sess)
}

// live is keepAlive with GetSession's results: no session when it has expired.
func (s *Store) live(ctx context.Context, sess Session) (Session, error) {
	err := s.keepAlive(ctx, &sess)
	if isNotFound(err) {
		return Session{}, err
	}
	return sess, err
}

// sessionDest returns the scan destinations of getSessionSQL's columns in sess.
func sessionDest(sess *Session) []any {
	return []any{&sess.ID, &sess.UserID, &sess.PartyID, &sess.AuthLevel, &sess.IdleSeconds, &sess.Created,
		&sess.LastSeen, &sess.IdleExpiresAt, &sess.AbsoluteExpiresAt, &sess.UserPartyID}
}

// keepAlive checks a session just read: an expired one is deleted and
// ErrNotFound; a live one has its idle expiry slid forward, written at most once
// a minute (touchEvery).
func (s *Store) keepAlive(ctx context.Context, sess *Session) error {
	now := s.clock()
	if !now.Before(sess.IdleExpiresAt) || !now.Before(sess.AbsoluteExpiresAt) {
		_ = s.db(ctx).Delete(&Session{}, "id = ?", sess.ID).Error
		return fmt.Errorf("store: get session: expired: %w", ErrNotFound)
	}
	if now.Sub(sess.LastSeen) < touchEvery {
		return nil
	}
	sess.LastSeen = now
	sess.IdleExpiresAt = minTime(ts(now.Add(time.Duration(sess.IdleSeconds)*time.Second)), sess.AbsoluteExpiresAt)
	err := s.db(ctx).Model(&Session{}).Where("id = ?", sess.ID).
		Updates(map[string]any{"last_seen": sess.LastSeen, "idle_expires_at": sess.IdleExpiresAt}).Error
	return wrap("touch session", err)
}

// SelectParty records the party the user acts for in this session.
func (s *Store) SelectParty(ctx context.Context, token string, partyID int64) error {
	res := s.db(ctx).Model(&Session{}).Where("id = ?", sessionID(token)).Update("party_id", partyID)
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("select party", ErrNotFound)
	}
	return wrap("select party", res.Error)
}

// DeleteSession ends the session (logout); an unknown token is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return wrap("delete session", s.db(ctx).Delete(&Session{}, "id = ?", sessionID(token)).Error)
}

// DeleteExpiredSessions removes every expired session and reports how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	now := s.clock()
	res := s.db(ctx).Where("idle_expires_at <= ? OR absolute_expires_at <= ?", now, now).Delete(&Session{})
	return res.RowsAffected, wrap("delete expired sessions", res.Error)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
