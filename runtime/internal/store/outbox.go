// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/blankett/blankett/internal/dbx"
)

// OutboxMessage is a row of the outbox: work (an event to deliver, a PDF to render)
// written in the same transaction as the change that caused it, and done at least
// once by a worker holding a lease.
type OutboxMessage struct {
	ID    int64  `gorm:"primaryKey;autoIncrement"`
	Topic string `gorm:"size:200"`
	// Ref names what the message is about (a webhook delivery's subscription id),
	// so one subject's dead letters can be listed; "" for none.
	Ref string `gorm:"size:200"`
	// EventID is the events row the message needs until it is done (see
	// EnqueueAbout), so that retention keeps it; nil for none.
	EventID     *int64
	Payload     string `gorm:"type:text"` // JSON
	Created     time.Time
	AvailableAt time.Time
	Attempts    int // claims so far, the current one included
	LockedUntil *time.Time
	LockedBy    string `gorm:"size:100"`
	DoneAt      *time.Time
	FailedAt    *time.Time // the last failed attempt
	Dead        bool
	LastError   string `gorm:"type:text"`
}

// TableName implements gorm's tabler.
func (OutboxMessage) TableName() string { return "outbox" }

// RetryPolicy says when a failed message is tried again and when it is given up.
// Zero fields take the defaults: 10 attempts, 10 s base, 1 h cap.
type RetryPolicy struct {
	MaxAttempts int
	Base, Max   time.Duration
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 10
	}
	if p.Base <= 0 {
		p.Base = 10 * time.Second
	}
	if p.Max <= 0 {
		p.Max = time.Hour
	}
	return p
}

// Backoff returns the delay after failed attempt n (1-based): Base·2^(n-1), capped at
// Max, with "equal jitter" (a random point in the upper half) so that messages that
// failed together do not retry together.
func (p RetryPolicy) Backoff(n int) time.Duration {
	p = p.withDefaults()
	d := p.Max
	if n < 1 {
		n = 1
	}
	if n <= 40 && p.Base<<(n-1) > 0 && p.Base<<(n-1) < p.Max {
		d = p.Base << (n - 1)
	}
	return d/2 + rand.N(d/2+1)
}

// Enqueue adds a message; call it inside Tx with the change it belongs to. A zero
// availableAt means now.
func (s *Store) Enqueue(ctx context.Context, topic string, payload []byte, availableAt time.Time) (OutboxMessage, error) {
	return s.EnqueueRef(ctx, topic, "", payload, availableAt)
}

// EnqueueRef is Enqueue of a message about ref (see OutboxMessage.Ref).
func (s *Store) EnqueueRef(ctx context.Context, topic, ref string, payload []byte, availableAt time.Time) (OutboxMessage, error) {
	return s.EnqueueAbout(ctx, topic, ref, 0, payload, availableAt)
}

// EnqueueAbout is EnqueueRef of a message that needs events row eventID (0 for
// none) until it is done: PruneCloudEvents keeps that event while the message is
// pending or dead, and, for a message of the fan-out topic, every later event.
func (s *Store) EnqueueAbout(ctx context.Context, topic, ref string, eventID int64, payload []byte, availableAt time.Time) (OutboxMessage, error) {
	if !json.Valid(payload) {
		return OutboxMessage{}, fmt.Errorf("store: enqueue %s: %w: payload is not JSON", topic, ErrInvalid)
	}
	now := s.clock()
	if availableAt.IsZero() {
		availableAt = now
	}
	m := OutboxMessage{Topic: topic, Ref: ref, Payload: string(payload), Created: now, AvailableAt: ts(availableAt)}
	if eventID != 0 {
		m.EventID = &eventID
	}
	ids, err := s.insertReturning(ctx, outboxColumns, "id", 1, func(int) []any { return outboxValues(m) })
	if err != nil {
		return m, wrap("enqueue "+topic, err)
	}
	m.ID = ids[0]
	return m, nil
}

// Claim leases up to n available messages to worker for lease and returns them in id
// order. A message is available when it is not done, not dead, due, and not leased (or
// its lease ran out, so a crashed worker's messages come back). Concurrent claimers
// never get the same message: PostgreSQL skips rows another claimer has locked (FOR
// UPDATE SKIP LOCKED); SQLite runs the single guarded UPDATE under its write lock.
// Topics, when given, limit the claim to messages of those topics, so that each
// worker takes only the work it knows how to do.
func (s *Store) Claim(ctx context.Context, n int, worker string, lease time.Duration, topics ...string) ([]OutboxMessage, error) {
	now := s.clock()
	lock := s.skipLocked()
	args := []any{worker, ts(now.Add(lease)), false, now, now}
	topicCond := ""
	if len(topics) > 0 {
		topicCond, args = " AND topic IN ?", append(args, topics)
	}
	q := `UPDATE outbox SET locked_by = ?, locked_until = ?, attempts = attempts + 1
WHERE id IN (SELECT id FROM outbox
  WHERE done_at IS NULL AND dead = ? AND available_at <= ? AND (locked_until IS NULL OR locked_until <= ?)` + topicCond + `
  ORDER BY available_at, id LIMIT ?` + lock + `)
RETURNING *`
	var out []OutboxMessage
	err := s.db(ctx).Raw(q, append(args, n)...).Scan(&out).Error
	slices.SortFunc(out, func(a, b OutboxMessage) int { return int(a.ID - b.ID) })
	return out, wrap("claim outbox", err)
}

// Complete marks message id done. It is ErrConflict when worker no longer holds the
// lease (it ran out and another worker claimed the message), ErrNotFound when unknown.
func (s *Store) Complete(ctx context.Context, id int64, worker string) error {
	now := s.clock()
	res := s.db(ctx).Model(&OutboxMessage{}).Where("id = ? AND locked_by = ? AND done_at IS NULL", id, worker).
		Updates(map[string]any{"done_at": now, "locked_until": nil})
	if res.Error == nil && res.RowsAffected == 0 {
		return s.leaseLost(ctx, "complete", id)
	}
	return wrap(fmt.Sprintf("complete outbox %d", id), res.Error)
}

// CompleteAll marks the messages ids done in one statement, as Complete does each:
// under a write lock a batch costs one update rather than one per message. The ids
// must be distinct. When worker no longer holds the lease of one of them, or one is
// unknown, it returns Complete's error for the first such id; outside a transaction
// the others are then done all the same.
func (s *Store) CompleteAll(ctx context.Context, ids []int64, worker string) error {
	if len(ids) == 0 {
		return nil
	}
	now := s.clock()
	var done []int64
	err := s.db(ctx).Raw(`UPDATE outbox SET done_at = ?, locked_until = NULL
WHERE id IN ? AND locked_by = ? AND done_at IS NULL
RETURNING id`, now, ids, worker).Scan(&done).Error
	if err != nil {
		return wrap(fmt.Sprintf("complete %d outbox messages", len(ids)), err)
	}
	if len(done) != len(ids) {
		for _, id := range ids {
			if !slices.Contains(done, id) {
				return s.leaseLost(ctx, "complete", id)
			}
		}
	}
	return nil
}

// Fail records a failed attempt: the message becomes available again after
// p.Backoff(attempts), or dead once it has been tried p.MaxAttempts times. It is
// ErrConflict when worker no longer holds the lease.
func (s *Store) Fail(ctx context.Context, id int64, worker string, cause error, p RetryPolicy) (OutboxMessage, error) {
	p = p.withDefaults()
	var m OutboxMessage
	err := wrap("fail outbox", s.db(ctx).Where("id = ? AND locked_by = ? AND done_at IS NULL AND dead = ?", id, worker, false).Take(&m).Error)
	if isNotFound(err) {
		return m, s.leaseLost(ctx, "fail", id)
	} else if err != nil {
		return m, err
	}
	msg := "unknown error"
	if cause != nil {
		msg = cause.Error()
	}
	now := s.clock()
	m.LastError, m.LockedUntil, m.LockedBy, m.FailedAt = msg, nil, "", &now
	if m.Attempts >= p.MaxAttempts {
		m.Dead = true
	} else {
		m.AvailableAt = ts(now.Add(p.Backoff(m.Attempts)))
	}
	res := s.db(ctx).Model(&OutboxMessage{}).Where("id = ? AND locked_by = ? AND attempts = ?", id, worker, m.Attempts).
		Updates(map[string]any{"last_error": m.LastError, "locked_until": nil, "locked_by": "",
			"dead": m.Dead, "available_at": m.AvailableAt, "failed_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return m, s.leaseLost(ctx, "fail", id)
	}
	return m, wrap(fmt.Sprintf("fail outbox %d", id), res.Error)
}

// DeadMessages returns up to limit dead messages, newest first, for the operator view.
func (s *Store) DeadMessages(ctx context.Context, limit int) ([]OutboxMessage, error) {
	var out []OutboxMessage
	err := s.db(ctx).Where("dead = ?", true).Order("id DESC").Limit(limit).Find(&out).Error
	return out, wrap("list dead outbox messages", err)
}

// DeadMessagesOf returns up to limit dead messages about ref of any of topics,
// newest first: one subscription's dead letters.
func (s *Store) DeadMessagesOf(ctx context.Context, ref string, limit int, topics ...string) ([]OutboxMessage, error) {
	var out []OutboxMessage
	err := s.db(ctx).Where("dead = ? AND topic IN ? AND ref = ?", true, topics, ref).Order("id DESC").Limit(limit).Find(&out).Error
	return out, wrap("list dead outbox messages of "+ref, err)
}

// Revive makes dead message id about ref, of any of topics, available again now
// with a fresh count of attempts; its last error stays until the next attempt. A
// message that is not dead, or not of ref and one of topics, is ErrNotFound.
func (s *Store) Revive(ctx context.Context, id int64, ref string, topics ...string) error {
	res := s.db(ctx).Model(&OutboxMessage{}).Where("id = ? AND dead = ? AND topic IN ? AND ref = ?", id, true, topics, ref).
		Updates(map[string]any{"dead": false, "attempts": 0, "available_at": s.clock(), "locked_until": nil, "locked_by": ""})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("store: revive outbox %d: %w", id, ErrNotFound)
	}
	return wrap(fmt.Sprintf("revive outbox %d", id), res.Error)
}

func (s *Store) leaseLost(ctx context.Context, op string, id int64) error {
	var n int64
	if err := s.db(ctx).Model(&OutboxMessage{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return wrap(op+" outbox", err)
	}
	if n == 0 {
		return fmt.Errorf("store: %s outbox %d: %w", op, id, ErrNotFound)
	}
	return fmt.Errorf("store: %s outbox %d: lease lost: %w", op, id, ErrConflict)
}

// HasPending reports whether a message about ref of any of topics is waiting or
// being retried (neither done nor dead), through the pending-by-ref index.
func (s *Store) HasPending(ctx context.Context, ref string, topics ...string) (bool, error) {
	var n int64
	err := s.db(ctx).Raw(pendingSQL, topics, ref).Scan(&n).Error
	return n > 0, wrap("pending outbox of "+ref, err)
}

// pendingSQL is HasPending's query; its conditions are those of the partial
// index ix_outbox_pending_ref (migration 10), which TestPendingSQLUsesIndex holds.
const pendingSQL = `SELECT COUNT(*) FROM (SELECT 1 FROM outbox
WHERE done_at IS NULL AND dead = false AND topic IN ? AND ref = ? LIMIT 1) p`

// skipLocked is the row-locking clause of a claim or prune batch: PostgreSQL skips
// rows another worker has locked; SQLite has one writer and needs none.
func (s *Store) skipLocked() string {
	if s.dialect == dbx.Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}
