// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// maxCachedStmts bounds the prepared statements one SQLite connection keeps. The
// stores issue a few hundred distinct statements at most (an IN list makes one per
// length); a cache that fills up is emptied and starts again.
const maxCachedStmts = 256

// stmtCache keeps the prepared statements of one SQLite connection by their SQL
// text, so a statement is parsed once per connection instead of on every execution.
// gorm's own statement cache cannot do this for statements first met inside a
// transaction: database/sql ties those to the transaction and prepares them again
// in each new one (docs/benchmarks.md, "Session 5"). A connection is used by one
// goroutine at a time, so the cache needs no lock.
type stmtCache struct {
	conn  driver.ConnPrepareContext
	stmts map[string]*cachedStmt
}

// cachedStmt is a prepared statement and whether rows of it are still open.
type cachedStmt struct {
	st   driver.Stmt
	busy bool
}

func newStmtCache(conn driver.ConnPrepareContext) *stmtCache {
	return &stmtCache{conn: conn, stmts: map[string]*cachedStmt{}}
}

// get returns query's prepared statement and the function that gives it back. A
// statement whose rows are still open (a query run while iterating the rows of the
// same query) is not shared: the caller gets a statement of its own, closed when
// given back.
func (c *stmtCache) get(ctx context.Context, query string) (driver.Stmt, func(), error) {
	if cs, ok := c.stmts[query]; ok && !cs.busy {
		cs.busy = true
		return cs.st, func() { cs.busy = false }, nil
	}
	st, err := c.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	if _, ok := c.stmts[query]; ok {
		return st, func() { _ = st.Close() }, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		c.closeIdle()
	}
	cs := &cachedStmt{st: st, busy: true}
	c.stmts[query] = cs
	return st, func() { cs.busy = false }, nil
}

// closeIdle closes and forgets every statement not in use.
func (c *stmtCache) closeIdle() {
	for q, cs := range c.stmts {
		if !cs.busy {
			_ = cs.st.Close()
			delete(c.stmts, q)
		}
	}
}

// close closes every statement; the connection is closing.
func (c *stmtCache) close() {
	for q, cs := range c.stmts {
		_ = cs.st.Close()
		delete(c.stmts, q)
	}
}

// exec runs query with args on its cached statement.
func (c *stmtCache) exec(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, put, err := c.get(ctx, query)
	if err != nil {
		return nil, err
	}
	defer put()
	e, ok := st.(driver.StmtExecContext)
	if !ok {
		return nil, fmt.Errorf("dbx: SQLite statement %T lacks ExecContext", st)
	}
	return e.ExecContext(ctx, args)
}

// query runs query with args on its cached statement; the statement is given back
// when the rows are closed.
func (c *stmtCache) query(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st, put, err := c.get(ctx, query)
	if err != nil {
		return nil, err
	}
	q, ok := st.(driver.StmtQueryContext)
	if !ok {
		put()
		return nil, fmt.Errorf("dbx: SQLite statement %T lacks QueryContext", st)
	}
	rows, err := q.QueryContext(ctx, args)
	if err != nil {
		put()
		return nil, err
	}
	return &releasingRows{Rows: rows, release: put}, nil
}
