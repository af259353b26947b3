// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestIsRead(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"SELECT * FROM x", true},
		{"  select 1", true},
		{"(SELECT 1) UNION (SELECT 2)", true},
		{"INSERT INTO x VALUES (1) RETURNING id", false},
		{"UPDATE x SET a = 1", false},
		{"WITH t AS (SELECT 1) INSERT INTO x SELECT * FROM t", false},
		{"sel", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isRead(tt.q); got != tt.want {
			t.Errorf("isRead(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestWriteGateCancelled: a writer whose context ends while it waits gets the
// context's error, named as a wait for the write lock, and takes no slot.
func TestWriteGateCancelled(t *testing.T) {
	g := newWriteGate(10 * time.Second)
	if err := g.acquire(t.Context()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.acquire(ctx); !errors.Is(err, context.Canceled) || errors.Is(err, ErrWriteBusy) ||
		!strings.Contains(err.Error(), "waiting for the write lock") {
		t.Fatalf("acquire with a cancelled context: %v", err)
	}
	g.release()
	if err := g.acquire(t.Context()); err != nil {
		t.Fatalf("acquire after the holder left: %v", err)
	}
	g.release()
}

// TestGatesFirstComeFirstServed: callers queued at a full gate, PostgreSQL's
// Gate or SQLite's write gate, get in in the order they arrived; none that comes
// later overtakes them.
func TestGatesFirstComeFirstServed(t *testing.T) {
	type gate struct {
		enter func(context.Context) error
		leave func()
	}
	for name, open := range map[string]func() gate{
		"Gate":      func() gate { g := NewGate(1); return gate{g.Enter, g.Leave} },
		"writeGate": func() gate { g := newWriteGate(10 * time.Second); return gate{g.acquire, g.release} },
	} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				g := open()
				if err := g.enter(t.Context()); err != nil {
					t.Fatal(err)
				}
				var (
					mu    sync.Mutex
					order []int
				)
				for i := range 8 {
					go func() {
						if err := g.enter(context.Background()); err != nil {
							t.Error(err)
							return
						}
						mu.Lock()
						order = append(order, i)
						mu.Unlock()
						g.leave()
					}()
					synctest.Wait() // caller i waits before caller i+1 starts
				}
				g.leave()
				synctest.Wait()
				if want := []int{0, 1, 2, 3, 4, 5, 6, 7}; !slices.Equal(order, want) {
					t.Fatalf("callers got in in the order %v, want %v", order, want)
				}
			})
		})
	}
}

func TestWriteGateGivesUp(t *testing.T) {
	g := newWriteGate(20 * time.Millisecond)
	if err := g.acquire(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := g.acquire(t.Context()); !errors.Is(err, ErrWriteBusy) {
		t.Fatalf("acquire of a held gate = %v, want ErrWriteBusy after the wait", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := g.acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("acquire with a cancelled context = %v, want context.Canceled", err)
	}
	g.release()
	if err := g.acquire(ctx); err != nil {
		t.Fatalf("acquire of a free gate = %v", err)
	}
}

// TestGatedSQLiteWriters runs concurrent write transactions and autocommit
// INSERT … RETURNING statements on a database whose busy timeout is zero: any
// two writers that meet inside SQLite fail at once with SQLITE_BUSY, so only the
// gate can make them all succeed.
func TestGatedSQLiteWriters(t *testing.T) {
	dsn := "file:" + filepath.Join(t.TempDir(), "g.db") + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(0)&_txlock=immediate"
	db, err := openGated(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(16)
	ctx := t.Context()
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 16 {
		wg.Go(func() {
			for j := range 5 {
				errs <- writeTx(ctx, db, fmt.Sprintf("tx %d/%d", i, j))
				var id int64
				errs <- db.QueryRowContext(ctx, "INSERT INTO t (v) VALUES (?) RETURNING id", "auto").Scan(&id)
				var n int64
				errs <- db.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n)
			}
		})
	}
	go func() { wg.Wait(); close(errs) }()
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var n int64
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 16*5*3 {
		t.Fatalf("rows = %d, %v; want %d", n, err, 16*5*3)
	}
}

// writeTx reads then writes twice in one transaction, holding the lock a while.
func writeTx(ctx context.Context, db *sql.DB, v string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int64
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil {
		return err
	}
	for range 2 {
		if _, err := tx.ExecContext(ctx, "INSERT INTO t (v) VALUES (?)", v); err != nil {
			return err
		}
	}
	time.Sleep(200 * time.Microsecond)
	return tx.Commit()
}
