// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Sentinel errors, wrapped with the operation.
var (
	// ErrNotFound means the row asked for does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrDuplicate means a row with the same unique key already exists.
	ErrDuplicate = errors.New("store: duplicate")
)

// Store reads and writes studio's account tables. A Store from New uses the pool; the
// Store handed to a Tx callback is bound to one transaction.
type Store struct {
	g       *gorm.DB
	dialect dbx.Dialect
	now     func() time.Time
}

// Option configures a Store.
type Option func(*Store)

// WithClock replaces time.Now, so tests can move time (session and token expiry).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// New returns a Store on db, whose schema was migrated with Migrations.
func New(db *dbx.DB, opts ...Option) *Store {
	s := &Store{g: db.Gorm, dialect: db.Dialect, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Tx runs fn in a transaction: everything fn does through tx commits together or not
// at all.
func (s *Store) Tx(ctx context.Context, fn func(tx *Store) error) error {
	return s.g.WithContext(ctx).Transaction(func(g *gorm.DB) error {
		return fn(&Store{g: g, dialect: s.dialect, now: s.now})
	})
}

// Now returns the store's clock reading in UTC, truncated to microseconds as both
// engines keep it, so values compare equal after a round trip.
func (s *Store) Now() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

func (s *Store) db(ctx context.Context) *gorm.DB { return s.g.WithContext(ctx) }

// forUpdate locks the selected rows until the transaction ends on PostgreSQL. SQLite
// needs no row lock: its transactions take the write lock at BEGIN (_txlock=immediate).
func (s *Store) forUpdate(g *gorm.DB) *gorm.DB {
	if s.dialect == dbx.Postgres {
		return g.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return g
}

// wrap maps engine errors to the sentinels and names the operation.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	err = dbx.MapError(err)
	switch {
	case errors.Is(err, dbx.ErrNotFound):
		return fmt.Errorf("store: %s: %w", op, ErrNotFound)
	case errors.Is(err, dbx.ErrDuplicate):
		return fmt.Errorf("store: %s: %w", op, ErrDuplicate)
	}
	return fmt.Errorf("store: %s: %w", op, err)
}
