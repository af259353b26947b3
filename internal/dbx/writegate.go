// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// ErrWriteBusy means a SQLite writer waited longer than the busy timeout for the
// write lock held by another writer of this process.
var ErrWriteBusy = errors.New("dbx: database busy: waited too long for the write lock")

// writeGate is the in-process write lock of one SQLite database. SQLite allows one
// writer at a time; left to itself, a writer that finds the lock taken sleeps in
// growing steps (busy_timeout), so under load waits are long and unordered. The
// gate makes writers of this process queue instead, at a Gate of one: waits are
// FIFO and nobody polls. busy_timeout still guards against writers in other
// processes (a second blankett, the sqlite3 shell).
type writeGate struct {
	gate *Gate
	wait time.Duration
}

func newWriteGate(wait time.Duration) *writeGate {
	return &writeGate{gate: newGate(1), wait: wait}
}

func (g *writeGate) acquire(ctx context.Context) error {
	_, err := g.gate.enter(ctx, g.wait)
	switch {
	case errors.Is(err, errGateLimit):
		return ErrWriteBusy
	case err != nil:
		return fmt.Errorf("dbx: waiting for the write lock: %w", err)
	}
	return nil
}

func (g *writeGate) release() { g.gate.Leave() }

// isRead reports whether query only reads. Anything else, including WITH (which may
// end in an INSERT), is treated as a write: serialising a read costs a little
// latency, letting a write past the gate costs a busy wait.
func isRead(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	return len(q) >= 6 && strings.EqualFold(q[:6], "select")
}

// sqliteConn is what the SQLite driver's connections implement and the gate needs.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
}

// gatedConnector opens SQLite connections whose writes pass the gate.
type gatedConnector struct {
	drv  driver.Driver
	dsn  string
	gate *writeGate
}

func (c *gatedConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	sc, ok := conn.(sqliteConn)
	if !ok {
		_ = conn.Close()
		return nil, fmt.Errorf("dbx: SQLite driver connection %T lacks the context methods", conn)
	}
	return &gatedConn{in: sc, gate: c.gate, stmts: newStmtCache(sc)}, nil
}

func (c *gatedConnector) Driver() driver.Driver { return c.drv }

// gatedConn holds the gate for the whole of a write transaction and for each
// write statement outside one, and runs statements on its cache of prepared ones.
// database/sql uses a connection from one goroutine at a time, so holding and the
// cache need no lock of their own.
type gatedConn struct {
	in      sqliteConn
	gate    *writeGate
	stmts   *stmtCache
	holding bool // a write transaction on this connection holds the gate
	// shared marks the Batcher's connection, whose transaction carries many
	// callers' changes: a statement on it must not be interrupted when one
	// caller's context ends, since SQLite then rolls back the whole transaction.
	shared bool
}

// detach drops ctx's cancellation on a shared connection.
func (c *gatedConn) detach(ctx context.Context) context.Context {
	if c.shared {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

func (c *gatedConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *gatedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.in.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &gatedStmt{in: st, c: c, read: isRead(query)}, nil
}

func (c *gatedConn) Close() error {
	c.endTx()
	c.stmts.close()
	return c.in.Close()
}

func (c *gatedConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx takes the gate for a write transaction. A read-only one begins deferred
// (the driver leaves out IMMEDIATE) and needs no gate.
func (c *gatedConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if opts.ReadOnly {
		return c.in.BeginTx(ctx, opts)
	}
	if err := c.gate.acquire(ctx); err != nil {
		return nil, err
	}
	tx, err := c.in.BeginTx(ctx, opts)
	if err != nil {
		c.gate.release()
		return nil, err
	}
	c.holding = true
	return &gatedTx{in: tx, c: c}, nil
}

func (c *gatedConn) endTx() {
	if c.holding {
		c.holding = false
		c.gate.release()
	}
}

func (c *gatedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	ctx = c.detach(ctx)
	return c.exec(ctx, func() (driver.Result, error) { return c.stmts.exec(ctx, query, args) })
}

func (c *gatedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	ctx = c.detach(ctx)
	return c.query(ctx, isRead(query), func() (driver.Rows, error) { return c.stmts.query(ctx, query, args) })
}

// exec runs a statement under the gate unless a transaction already holds it.
func (c *gatedConn) exec(ctx context.Context, run func() (driver.Result, error)) (driver.Result, error) {
	if c.holding {
		return run()
	}
	if err := c.gate.acquire(ctx); err != nil {
		return nil, err
	}
	defer c.gate.release()
	return run()
}

// query runs a writing query (INSERT … RETURNING) outside a transaction under the
// gate until its rows are closed: SQLite commits the statement only then.
func (c *gatedConn) query(ctx context.Context, read bool, run func() (driver.Rows, error)) (driver.Rows, error) {
	if read || c.holding {
		return run()
	}
	if err := c.gate.acquire(ctx); err != nil {
		return nil, err
	}
	rows, err := run()
	if err != nil {
		c.gate.release()
		return nil, err
	}
	return &releasingRows{Rows: rows, release: sync.OnceFunc(c.gate.release)}, nil
}

func (c *gatedConn) Ping(ctx context.Context) error {
	if p, ok := c.in.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// gatedTx releases the gate when the transaction ends, whichever way.
type gatedTx struct {
	in driver.Tx
	c  *gatedConn
}

func (t *gatedTx) Commit() error {
	defer t.c.endTx()
	return t.in.Commit()
}

func (t *gatedTx) Rollback() error {
	defer t.c.endTx()
	return t.in.Rollback()
}

// gatedStmt is a prepared statement of a gatedConn.
type gatedStmt struct {
	in   driver.Stmt
	c    *gatedConn
	read bool
}

func (s *gatedStmt) Close() error  { return s.in.Close() }
func (s *gatedStmt) NumInput() int { return s.in.NumInput() }

func (s *gatedStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *gatedStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *gatedStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	ctx = s.c.detach(ctx)
	return s.c.exec(ctx, func() (driver.Result, error) {
		if e, ok := s.in.(driver.StmtExecContext); ok {
			return e.ExecContext(ctx, args)
		}
		return s.in.Exec(values(args)) //nolint:staticcheck // the driver has no context variant
	})
}

func (s *gatedStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	ctx = s.c.detach(ctx)
	return s.c.query(ctx, s.read, func() (driver.Rows, error) {
		if q, ok := s.in.(driver.StmtQueryContext); ok {
			return q.QueryContext(ctx, args)
		}
		return s.in.Query(values(args)) //nolint:staticcheck // the driver has no context variant
	})
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

func values(args []driver.NamedValue) []driver.Value {
	out := make([]driver.Value, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}
