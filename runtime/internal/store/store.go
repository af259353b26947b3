// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Sentinel errors returned by every Store method, wrapped with the operation.
var (
	// ErrNotFound means the row asked for does not exist (or is not visible to the
	// party named in the call).
	ErrNotFound = errors.New("store: not found")
	// ErrConflict means the row changed underneath the caller (stale version, locked
	// element, idempotency key reused for another request, lost lease).
	ErrConflict = errors.New("store: conflict")
	// ErrDuplicate means a row with the same unique key already exists.
	ErrDuplicate = errors.New("store: duplicate")
	// ErrInvalid means an argument cannot be used (bad continuation token, date
	// operator); the API answers 400.
	ErrInvalid = errors.New("store: invalid argument")
)

// Store reads and writes the runtime's tables. A Store from New uses the connection
// pool; the Store handed to the Tx callback is bound to one transaction.
type Store struct {
	g       *gorm.DB
	dialect dbx.Dialect
	now     func() time.Time
	batch   *dbx.Batcher // SQLite's group committer; nil inside a transaction
	gate    *dbx.Gate    // PostgreSQL's gate of one-round-trip batches (runBatch); nil on SQLite and in a transaction
}

// Option configures a Store.
type Option func(*Store)

// WithClock replaces time.Now, so tests can move time (session expiry, outbox backoff).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// New returns a Store on db. The schema must have been migrated with Migrations.
func New(db *dbx.DB, opts ...Option) *Store {
	s := &Store{g: db.Gorm, dialect: db.Dialect, now: time.Now, batch: db.Batcher(), gate: db.Gate()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Tx runs fn in a transaction: everything fn does through tx commits together, or
// nothing does when fn returns an error or panics. Nested calls use savepoints. On
// SQLite, transactions that queue up are committed together (dbx.Batcher). An
// instance read ahead with the request's session (GetSessionWith) and not yet
// loaded is dropped, so no load after a write can return it.
func (s *Store) Tx(ctx context.Context, fn func(tx *Store) error) error {
	dropPreload(ctx)
	if s.batch != nil {
		return s.batch.Do(ctx, func(g *gorm.DB) error { return fn(s.on(g)) })
	}
	return s.g.WithContext(ctx).Transaction(func(g *gorm.DB) error { return fn(s.on(g)) })
}

// on returns a Store with s's settings whose statements run on g (a transaction).
func (s *Store) on(g *gorm.DB) *Store { return &Store{g: g, dialect: s.dialect, now: s.now} }

func (s *Store) db(ctx context.Context) *gorm.DB { return s.g.WithContext(ctx) }

// clock returns the current time at the precision both engines store (microseconds).
func (s *Store) clock() time.Time { return ts(s.now()) }

// ts normalises t to UTC microseconds, PostgreSQL's timestamp precision, so that a
// value read back compares equal to the value written on both engines.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func tsp(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := ts(*t)
	return &v
}

// wrap maps a gorm or driver error to the package sentinels and prefixes the operation.
func wrap(op string, err error) error {
	err = dbx.MapError(err)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, dbx.ErrNotFound):
		return fmt.Errorf("store: %s: %w", op, ErrNotFound)
	case errors.Is(err, dbx.ErrDuplicate):
		return fmt.Errorf("store: %s: %w (%w)", op, ErrDuplicate, err)
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrConflict), errors.Is(err, ErrDuplicate):
		return fmt.Errorf("store: %s: %w", op, err)
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
