// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// rawSQL is one fixed statement in the placeholder syntax of each engine: "?" for
// SQLite, "$1", "$2", … for PostgreSQL. The hottest reads (GetInstance,
// ListDataElements, ListDataElementsOf, LoadInstance, GetSession) and the writes of
// every save and process step (rawinsert.go, UpdateInstance, the element writes)
// run one through database/sql and scan or bind its columns by hand: gorm's
// statement building, callbacks and reflection cost more CPU than the query.
type rawSQL struct{ sqlite, postgres string }

// newRawSQL returns q, written with "?" placeholders, for both engines. It is
// called when the package loads, never per query; q must not hold a "?" that is
// not a placeholder.
func newRawSQL(q string) rawSQL { return rawSQL{sqlite: q, postgres: numbered(q)} }

// numbered returns q with its "?" placeholders numbered for PostgreSQL: "$1",
// "$2", …; q must not hold a "?" that is not a placeholder.
func numbered(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 3*strings.Count(q, "?"))
	n := 0
	for i := range len(q) {
		if q[i] != '?' {
			b.WriteByte(q[i])
			continue
		}
		n++
		placeholder(&b, dbx.Postgres, n)
	}
	return b.String()
}

// placeholder writes the n-th placeholder of a statement in dialect's syntax.
func placeholder(b *strings.Builder, dialect dbx.Dialect, n int) {
	if dialect != dbx.Postgres {
		b.WriteByte('?')
		return
	}
	b.WriteByte('$')
	b.WriteString(strconv.Itoa(n))
}

// in returns q's text for dialect.
func (q rawSQL) in(dialect dbx.Dialect) string {
	if dialect == dbx.Postgres {
		return q.postgres
	}
	return q.sqlite
}

// query runs q with args on the connection s is bound to: the pool, or the
// transaction handed to Tx (gorm's Statement.ConnPool is either). The caller scans
// and closes the rows.
func (s *Store) query(ctx context.Context, q rawSQL, args ...any) (*sql.Rows, error) {
	return s.g.Statement.ConnPool.QueryContext(ctx, q.in(s.dialect), args...)
}

// queryRow runs q like query and scans its first row into dest. No row is
// gorm.ErrRecordNotFound, as from gorm's Take, so that wrap makes it ErrNotFound.
func (s *Store) queryRow(ctx context.Context, q rawSQL, args []any, dest ...any) error {
	err := s.g.Statement.ConnPool.QueryRowContext(ctx, q.in(s.dialect), args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return gorm.ErrRecordNotFound
	}
	return err
}

// exec runs q with args like query and returns the number of rows it changed.
// Driver errors are translated as gorm translates them (see translate).
func (s *Store) exec(ctx context.Context, q rawSQL, args ...any) (int64, error) {
	res, err := s.g.Statement.ConnPool.ExecContext(ctx, q.in(s.dialect), args...)
	if err != nil {
		return 0, s.translate(err)
	}
	return res.RowsAffected()
}
