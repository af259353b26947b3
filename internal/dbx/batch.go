// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// maxBatch bounds the transactions one SQLite commit carries, so that a long queue
// is committed in steps and the first callers are not kept waiting for the last.
const maxBatch = 64

// ErrClosed means the database was closed before a transaction could run.
var ErrClosed = errors.New("dbx: database closed")

// Batcher runs the write transactions of a SQLite database on one connection and
// commits those that queue up while a commit is under way together: group commit.
// SQLite has one writer at a time, so writers queue anyway; what grouping saves is
// a BEGIN and a COMMIT per transaction, and every page that several of them touch
// (the last leaf of each table and index) is written to the WAL once per commit
// instead of once per transaction. The connection is the only writer through
// Batcher, so its page cache stays valid between transactions, where a pool of
// writers finds the pages another one changed gone from its cache.
//
// Each transaction runs inside a savepoint of the shared one: when its function
// fails or panics, only its own changes are rolled back. Its caller learns the
// outcome when the whole batch has committed, so a nil error means durable as
// before. A transaction sees the committed and uncommitted changes of the
// transactions before it in the batch, which is the order they would have run
// in one by one.
type Batcher struct {
	db    *sql.DB
	wait  time.Duration // how long a transaction may stay queued
	gorm  *gorm.DB
	wake  chan struct{}
	stop  chan struct{}
	done  chan struct{}
	mu    sync.Mutex
	queue []*batchReq
	// conn is the writer connection, opened at the first batch and reopened
	// after it fails.
	conn    *sql.Conn
	metrics writerMetrics
}

// batchReq is one queued transaction.
type batchReq struct {
	ctx    context.Context
	queued time.Time
	fn     func(tx *gorm.DB) error
	state  atomic.Int32 // reqQueued, reqRunning or reqAbandoned
	err    error
	panic  any
	done   chan struct{}
}

const (
	reqQueued int32 = iota
	reqRunning
	reqAbandoned
)

func newBatcher(db *sql.DB, g *gorm.DB, wait time.Duration) *Batcher {
	b := &Batcher{db: db, gorm: g, wait: wait, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}),
		metrics: newWriterMetrics()}
	go b.run()
	return b
}

// Do runs fn in a transaction of the next batch and returns fn's error, or the
// batch's when it could not commit. A caller whose ctx ends while its
// transaction is still queued gets ctx's error and the transaction never runs;
// so does one still queued after the busy timeout (ErrWriteBusy), which is what
// a Do called from inside another's fn meets instead of waiting forever. Once fn
// runs, Do waits for the commit. A panic in fn is raised again here.
func (b *Batcher) Do(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &batchReq{ctx: ctx, queued: time.Now(), fn: fn, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, r)
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
	limit := time.NewTimer(b.wait)
	defer limit.Stop()
	var gaveUp error
	select {
	case <-r.done:
	case <-ctx.Done():
		gaveUp = fmt.Errorf("dbx: waiting to write: %w", ctx.Err())
	case <-limit.C:
		gaveUp = ErrWriteBusy
	case <-b.done:
		gaveUp = ErrClosed
	}
	if gaveUp != nil {
		if r.state.CompareAndSwap(reqQueued, reqAbandoned) {
			return gaveUp
		}
		<-r.done
	}
	if r.panic != nil {
		panic(r.panic)
	}
	return r.err
}

// close stops the batcher after the batch under way and fails what is queued.
func (b *Batcher) close() {
	select {
	case <-b.stop:
		return
	default:
	}
	close(b.stop)
	<-b.done
}

func (b *Batcher) run() {
	defer close(b.done)
	defer func() {
		if b.conn != nil {
			_ = b.conn.Close()
		}
	}()
	for {
		select {
		case <-b.stop:
			return
		case <-b.wake:
		}
		for {
			batch := b.take()
			if len(batch) == 0 {
				break
			}
			b.commit(batch)
		}
	}
}

// take removes up to maxBatch queued transactions from the queue, skipping
// abandoned ones, and marks them running.
func (b *Batcher) take() []*batchReq {
	b.mu.Lock()
	defer b.mu.Unlock()
	var batch []*batchReq
	n := 0
	for ; n < len(b.queue) && len(batch) < maxBatch; n++ {
		if r := b.queue[n]; r.state.CompareAndSwap(reqQueued, reqRunning) {
			batch = append(batch, r)
		}
	}
	b.queue = append(b.queue[:0], b.queue[n:]...)
	return batch
}

// commit runs batch in one transaction and tells every caller the outcome.
func (b *Batcher) commit(batch []*batchReq) {
	b.metrics.observe(batch, time.Now())
	err := b.runBatch(batch)
	for _, r := range batch {
		if r.err == nil && r.panic == nil {
			r.err = err
		}
		close(r.done)
	}
}

// runBatch begins the shared transaction, runs each function in a savepoint and
// commits. Its error is the transaction's; the functions' own are on their requests.
func (b *Batcher) runBatch(batch []*batchReq) error {
	ctx := context.Background()
	if b.conn == nil {
		c, err := b.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("dbx: writer connection: %w", err)
		}
		err = c.Raw(func(dc any) error {
			g, ok := dc.(*gatedConn)
			if !ok {
				return fmt.Errorf("dbx: writer connection is a %T, not gated", dc)
			}
			g.shared = true
			return nil
		})
		if err != nil {
			_ = c.Close()
			return err
		}
		b.conn = c
	}
	tx, err := b.conn.BeginTx(ctx, nil)
	if err != nil {
		b.dropConn()
		return fmt.Errorf("dbx: begin: %w", err)
	}
	if len(batch) == 1 {
		return b.runAlone(tx, batch[0])
	}
	for _, r := range batch {
		if err := b.runOne(tx, r); err != nil {
			_ = tx.Rollback()
			b.dropConn()
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		b.dropConn()
		return fmt.Errorf("dbx: commit: %w", err)
	}
	return nil
}

// dropConn closes the writer connection after a failure; the next batch opens a
// new one.
func (b *Batcher) dropConn() {
	_ = b.conn.Close()
	b.conn = nil
}

// runAlone runs a batch of one, the usual case below full load, without a
// savepoint: the transaction is r's alone, so a failure rolls all of it back, and
// the two statements a savepoint costs are saved.
func (b *Batcher) runAlone(tx *sql.Tx, r *batchReq) error {
	r.err, r.panic = call(r.fn, b.session(tx, r))
	if r.err != nil || r.panic != nil {
		if err := tx.Rollback(); err != nil {
			b.dropConn()
			return fmt.Errorf("dbx: roll back: %w", err)
		}
		return nil
	}
	if err := tx.Commit(); err != nil {
		b.dropConn()
		return fmt.Errorf("dbx: commit: %w", err)
	}
	return nil
}

// session is the gorm handle r's function gets: tx, with r's context values but
// not its cancellation (see runOne).
func (b *Batcher) session(tx *sql.Tx, r *batchReq) *gorm.DB {
	g := b.gorm.Session(&gorm.Session{NewDB: true, Context: context.WithoutCancel(r.ctx)})
	g.Statement.ConnPool = tx
	return g
}

// runOne runs r's function in a savepoint of tx, rolling back to it when the
// function fails or panics. An error returned here means the savepoint itself
// failed and the shared transaction cannot go on.
func (b *Batcher) runOne(tx *sql.Tx, r *batchReq) error {
	// The statements run without r's cancellation: SQLite rolls back the whole
	// transaction, every caller's changes, when a statement in it is interrupted.
	// The connection drops it too (gatedConn.shared), for statements that fn runs
	// with a context of its own.
	ctx := context.WithoutCancel(r.ctx)
	if _, err := tx.ExecContext(ctx, "SAVEPOINT batch"); err != nil {
		return fmt.Errorf("dbx: savepoint: %w", err)
	}
	r.err, r.panic = call(r.fn, b.session(tx, r))
	if r.err != nil || r.panic != nil {
		if _, err := tx.ExecContext(ctx, "ROLLBACK TO batch"); err != nil {
			return fmt.Errorf("dbx: roll back to savepoint: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, "RELEASE batch"); err != nil {
		return fmt.Errorf("dbx: release savepoint: %w", err)
	}
	return nil
}

// call runs fn and returns its error or what it panicked with.
func call(fn func(*gorm.DB) error, g *gorm.DB) (err error, p any) {
	defer func() {
		if v := recover(); v != nil {
			p = v
		}
	}()
	return fn(g), nil
}
