// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

// batchDB opens a SQLite database with a table t (v TEXT UNIQUE) and returns its
// batcher.
func batchDB(t *testing.T) (*DB, *Batcher) {
	t.Helper()
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Gorm.Exec("CREATE TABLE t (v TEXT NOT NULL UNIQUE)").Error; err != nil {
		t.Fatal(err)
	}
	if db.Batcher() == nil {
		t.Fatal("a SQLite database has no batcher")
	}
	return db, db.Batcher()
}

// hold queues a transaction that blocks the batcher until the returned function
// is called, so that what is queued meanwhile goes into the next batch together.
func hold(t *testing.T, b *Batcher) (release func()) {
	t.Helper()
	running, unblock, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		done <- b.Do(t.Context(), func(tx *gorm.DB) error {
			close(running)
			<-unblock
			return tx.Exec("INSERT INTO t (v) VALUES ('hold')").Error
		})
	}()
	<-running
	return func() {
		close(unblock)
		if err := <-done; err != nil {
			t.Errorf("holding transaction: %v", err)
		}
	}
}

// waitQueued waits until n transactions are queued.
func waitQueued(t *testing.T, b *Batcher, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		b.mu.Lock()
		got := len(b.queue)
		b.mu.Unlock()
		if got == n {
			return
		}
	}
	t.Fatalf("fewer than %d transactions queued", n)
}

func rows(t *testing.T, db *DB) []string {
	t.Helper()
	var vs []string
	if err := db.Gorm.Raw("SELECT v FROM t ORDER BY v").Scan(&vs).Error; err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestBatcherGroupsAndIsolates queues transactions that succeed, fail, panic and
// break a constraint into one batch: they share one SQLite transaction, each sees
// the ones before it, and only the successful ones' rows stay.
func TestBatcherGroupsAndIsolates(t *testing.T) {
	db, b := batchDB(t)
	release := hold(t, b)
	boom := errors.New("boom")
	type outcome struct {
		err   error
		panic any
	}
	cases := []struct {
		name string
		fn   func(tx *gorm.DB) error
		want func(o outcome) bool
	}{
		{"ok a", insert("a", nil), func(o outcome) bool { return o.err == nil && o.panic == nil }},
		{"fails", insert("f", boom), func(o outcome) bool { return errors.Is(o.err, boom) }},
		{"panics", func(tx *gorm.DB) error {
			_ = insert("p", nil)(tx)
			panic("kaboom")
		}, func(o outcome) bool { return o.panic == "kaboom" }},
		{"duplicate", func(tx *gorm.DB) error {
			if err := insert("d", nil)(tx); err != nil {
				return err
			}
			return insert("a", nil)(tx) // a is in the batch already
		}, func(o outcome) bool { return errors.Is(MapError(o.err), ErrDuplicate) }},
		{"sees a", func(tx *gorm.DB) error {
			var n int64
			if err := tx.Raw("SELECT count(*) FROM t WHERE v = 'a'").Scan(&n).Error; err != nil {
				return err
			}
			if n != 1 {
				return fmt.Errorf("a not visible to a later transaction of the batch")
			}
			return insert("b", nil)(tx)
		}, func(o outcome) bool { return o.err == nil && o.panic == nil }},
	}
	out := make([]outcome, len(cases))
	pools := make([]gorm.ConnPool, len(cases))
	var wg sync.WaitGroup
	for i, c := range cases {
		wg.Go(func() {
			defer func() { out[i].panic = recover() }()
			out[i].err = b.Do(t.Context(), func(tx *gorm.DB) error {
				pools[i] = tx.Statement.ConnPool
				return c.fn(tx)
			})
		})
		waitQueued(t, b, i+1) // keep the order
	}
	release()
	wg.Wait()
	for i, c := range cases {
		if !c.want(out[i]) {
			t.Errorf("%s: err %v, panic %v", c.name, out[i].err, out[i].panic)
		}
		if pools[i] != pools[0] {
			t.Errorf("%s ran in another transaction than %s", c.name, cases[0].name)
		}
	}
	if got := fmt.Sprint(rows(t, db)); got != "[a b hold]" {
		t.Errorf("rows = %s, want [a b hold]", got)
	}
}

// TestBatcherAlone: a transaction that has a batch to itself runs without a
// savepoint; when it fails or panics none of its rows stay, and the batcher's
// connection serves the next one.
func TestBatcherAlone(t *testing.T) {
	db, b := batchDB(t)
	boom := errors.New("boom")
	if err := b.Do(t.Context(), insert("x", boom)); !errors.Is(err, boom) {
		t.Fatalf("failing alone: %v, want boom", err)
	}
	func() {
		defer func() {
			if p := recover(); p != "kaboom" {
				t.Errorf("panicking alone: recovered %v", p)
			}
		}()
		_ = b.Do(t.Context(), func(tx *gorm.DB) error {
			_ = insert("y", nil)(tx)
			panic("kaboom")
		})
	}()
	if err := b.Do(t.Context(), insert("z", nil)); err != nil {
		t.Fatalf("after the failures: %v", err)
	}
	if err := b.Do(t.Context(), insert("z", nil)); !errors.Is(MapError(err), ErrDuplicate) {
		t.Fatalf("a duplicate alone: %v, want ErrDuplicate", err)
	}
	if got := fmt.Sprint(rows(t, db)); got != "[z]" {
		t.Errorf("rows = %s, want [z]", got)
	}
}

func insert(v string, err error) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error {
		if e := tx.Exec("INSERT INTO t (v) VALUES (?)", v).Error; e != nil {
			return e
		}
		return err
	}
}

// TestBatcherQueuedGivesUp: a transaction still queued when its context ends, or
// when the busy timeout passes, never runs and says why.
func TestBatcherQueuedGivesUp(t *testing.T) {
	db, b := batchDB(t)
	b.wait = 50 * time.Millisecond
	release := hold(t, b)
	ctx, cancel := context.WithCancel(t.Context())
	errs := make(chan error, 2)
	go func() { errs <- b.Do(ctx, insert("cancelled", nil)) }()
	waitQueued(t, b, 1)
	cancel()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while queued: %v", err)
	}
	go func() { errs <- b.Do(t.Context(), insert("late", nil)) }()
	if err := <-errs; !errors.Is(err, ErrWriteBusy) {
		t.Errorf("queued past the busy timeout: %v", err)
	}
	release()
	if got := fmt.Sprint(rows(t, db)); got != "[hold]" {
		t.Errorf("rows = %s, want [hold]", got)
	}
}

// TestBatcherNestedDo: a Do called from inside a batched transaction cannot run
// before that one ends; it fails after the busy timeout instead of stalling every
// writer for good.
func TestBatcherNestedDo(t *testing.T) {
	db, b := batchDB(t)
	b.wait = 50 * time.Millisecond
	var inner error
	err := b.Do(t.Context(), func(tx *gorm.DB) error {
		inner = b.Do(t.Context(), insert("inner", nil))
		return insert("outer", nil)(tx)
	})
	if err != nil || !errors.Is(inner, ErrWriteBusy) {
		t.Fatalf("outer %v, inner %v; want nil and ErrWriteBusy", err, inner)
	}
	if got := fmt.Sprint(rows(t, db)); got != "[outer]" {
		t.Errorf("rows = %s, want [outer]", got)
	}
}

// TestBatcherClosed: after Close, Do fails with ErrClosed.
func TestBatcherClosed(t *testing.T) {
	db, b := batchDB(t)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Do(context.Background(), insert("x", nil)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Do after Close = %v, want ErrClosed", err)
	}
}

// TestBatcherConcurrent commits many concurrent transactions; every one that
// reports success is there.
func TestBatcherConcurrent(t *testing.T) {
	db, b := batchDB(t)
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			if err := b.Do(t.Context(), insert(fmt.Sprintf("v%03d", i), nil)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := len(rows(t, db)); got != 200 {
		t.Fatalf("%d rows, want 200", got)
	}
}

// TestBatcherCallerCancelMidStatement: a caller whose context ends while its
// own statement runs must not interrupt it. SQLite would roll back the shared
// transaction, and with it the changes of the callers before it in the batch.
func TestBatcherCallerCancelMidStatement(t *testing.T) {
	db, b := batchDB(t)
	if err := db.Gorm.Exec("CREATE TABLE big (x INTEGER)").Error; err != nil {
		t.Fatal(err)
	}
	release := hold(t, b)
	errs := make([]error, 3)
	var wg sync.WaitGroup
	for i, fn := range []func(tx *gorm.DB) error{
		insert("a", nil),
		func(tx *gorm.DB) error {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(5*time.Millisecond, cancel)
			err := tx.WithContext(ctx).Exec(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000)
				INSERT INTO big SELECT x FROM c`).Error
			if err != nil {
				return err
			}
			return insert("b", nil)(tx)
		},
		insert("c", nil),
	} {
		wg.Go(func() { errs[i] = b.Do(t.Context(), fn) })
		waitQueued(t, b, i+1)
	}
	release()
	wg.Wait()
	if fmt.Sprint(errs) != "[<nil> <nil> <nil>]" {
		t.Errorf("errors %v, want none", errs)
	}
	if got := fmt.Sprint(rows(t, db)); got != "[a b c hold]" {
		t.Errorf("rows = %s, want [a b c hold]", got)
	}
}
