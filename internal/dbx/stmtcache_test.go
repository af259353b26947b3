// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql/driver"
	"fmt"
	"path/filepath"
	"testing"
)

// countingConn prepares fake statements and counts prepares and closes.
type countingConn struct{ prepared, closed int }

func (c *countingConn) PrepareContext(context.Context, string) (driver.Stmt, error) {
	c.prepared++
	return &countedStmt{c: c}, nil
}

type countedStmt struct{ c *countingConn }

func (s *countedStmt) Close() error                               { s.c.closed++; return nil }
func (s *countedStmt) NumInput() int                              { return -1 }
func (s *countedStmt) Exec([]driver.Value) (driver.Result, error) { return driver.RowsAffected(1), nil }
func (s *countedStmt) Query([]driver.Value) (driver.Rows, error)  { return nil, driver.ErrSkip }

func TestStmtCache(t *testing.T) {
	ctx := context.Background()
	conn := &countingConn{}
	c := newStmtCache(conn)
	get := func(q string) (driver.Stmt, func()) {
		st, put, err := c.get(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return st, put
	}

	a, put := get("SELECT 1")
	put()
	again, put := get("SELECT 1")
	put()
	if again != a || conn.prepared != 1 {
		t.Fatalf("second use prepared again (%d prepares)", conn.prepared)
	}

	// In use (its rows open): a second user gets a statement of its own,
	// closed when given back; the cached one stays.
	_, putOuter := get("SELECT 1")
	inner, putInner := get("SELECT 1")
	if inner == a || conn.prepared != 2 {
		t.Fatalf("a busy statement was shared (%d prepares)", conn.prepared)
	}
	putInner()
	if conn.closed != 1 {
		t.Fatalf("the extra statement was not closed (%d closes)", conn.closed)
	}
	putOuter()
	if st, put := get("SELECT 1"); st != a {
		t.Fatal("the cached statement was dropped")
	} else {
		put()
	}

	// A full cache is emptied of idle statements, then keeps filling.
	for i := range maxCachedStmts {
		_, put := get(fmt.Sprintf("SELECT %d", i+2))
		put()
	}
	if len(c.stmts) > maxCachedStmts {
		t.Fatalf("cache holds %d statements, bound %d", len(c.stmts), maxCachedStmts)
	}
	c.close()
	if len(c.stmts) != 0 {
		t.Fatalf("close left %d statements", len(c.stmts))
	}
	if conn.closed != conn.prepared {
		t.Fatalf("%d statements prepared, %d closed", conn.prepared, conn.closed)
	}
}

// TestStmtCacheNestedQuery runs a query while the rows of the same query are
// still open on the same SQLite connection: the cached statement must not be
// reset under the outer rows.
func TestStmtCacheNestedQuery(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"CREATE TABLE t (v INTEGER)", "INSERT INTO t VALUES (1), (2), (3)"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	const q = "SELECT v FROM t WHERE v >= ? ORDER BY v"
	outer, err := conn.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	for outer.Next() {
		var v int
		if err := outer.Scan(&v); err != nil {
			t.Fatal(err)
		}
		if seen = append(seen, v); len(seen) > 3 {
			t.Fatalf("the outer rows start again: %v", seen)
		}
		var n int
		inner, err := conn.QueryContext(ctx, q, v)
		if err != nil {
			t.Fatal(err)
		}
		for inner.Next() {
			n++
		}
		inner.Close()
		if n != 4-v {
			t.Errorf("inner query from %d saw %d rows, want %d", v, n, 4-v)
		}
	}
	if err := outer.Err(); err != nil {
		t.Fatal(err)
	}
	outer.Close()
	if fmt.Sprint(seen) != "[1 2 3]" {
		t.Fatalf("outer rows %v, want [1 2 3]", seen)
	}
}
