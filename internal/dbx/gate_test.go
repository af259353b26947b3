// SPDX-License-Identifier: MIT

package dbx_test

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestGateBoundsCallers: however many callers enter at once, no more than the
// gate's size are inside together, and every one gets in.
func TestGateBoundsCallers(t *testing.T) {
	const size, callers = 3, 40
	g := dbx.NewGate(size)
	var inside, most, done atomic.Int32
	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			if err := g.Enter(context.Background()); err != nil {
				t.Error(err)
				return
			}
			n := inside.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(time.Millisecond)
			inside.Add(-1)
			g.Leave()
			done.Add(1)
		})
	}
	wg.Wait()
	if done.Load() != callers || most.Load() > size || most.Load() < 1 {
		t.Fatalf("%d of %d callers got in, at most %d at once; want all, at most %d", done.Load(), callers, most.Load(), size)
	}
}

// TestGateWaitEnds: a caller whose context ends while it waits gets the
// context's error and takes no slot.
func TestGateWaitEnds(t *testing.T) {
	g := dbx.NewGate(1)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := g.Enter(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Enter at a full gate until the deadline: %v, want context.DeadlineExceeded", err)
	}
	g.Leave()
	ctx, cancel = context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := g.Enter(ctx); err != nil {
		t.Fatalf("Enter after the holder left: %v (the timed-out caller kept a slot?)", err)
	}
	g.Leave()
}

// TestGateWaitCause: a wait ended by a context cancelled with a cause is still
// context.Canceled, and carries the cause.
func TestGateWaitCause(t *testing.T) {
	g := dbx.NewGate(1)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer g.Leave()
	why := errors.New("client gone")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(why)
	if err := g.Enter(ctx); !errors.Is(err, context.Canceled) || !errors.Is(err, why) {
		t.Fatalf("Enter with a cancelled context: %v, want context.Canceled and its cause", err)
	}
}

// TestGateLeaveWithoutEnter: leaving a gate nobody entered panics instead of
// blocking for ever.
func TestGateLeaveWithoutEnter(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Leave without Enter did not panic")
		}
	}()
	dbx.NewGate(2).Leave()
}

// TestNilGate: no gate admits everyone.
func TestNilGate(t *testing.T) {
	var g *dbx.Gate
	for range 3 {
		if err := g.Enter(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	g.Leave()
	if g.Size() != 0 {
		t.Fatalf("nil gate's size %d", g.Size())
	}
}

// TestDefaultMaxActive: twice GOMAXPROCS, at least 4, at most the pool's size.
func TestDefaultMaxActive(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tt := range []struct{ procs, want int }{{1, 4}, {2, 4}, {3, 6}, {8, 16}, {64, dbx.MaxConns}} {
		runtime.GOMAXPROCS(tt.procs)
		if got := dbx.DefaultMaxActive(); got != tt.want {
			t.Errorf("GOMAXPROCS %d: %d, want %d", tt.procs, got, tt.want)
		}
	}
}

// TestOpenGate: a PostgreSQL database has a gate of the configured size (at
// most the pool's), or of DefaultMaxActive without one; SQLite has none.
func TestOpenGate(t *testing.T) {
	if got := dbtest.SQLite(t).Gate(); got != nil {
		t.Errorf("SQLite has a gate of %d", got.Size())
	}
	if got, want := dbtest.Postgres(t).Gate().Size(), dbx.DefaultMaxActive(); got != want {
		t.Errorf("PostgreSQL's default gate admits %d, want %d", got, want)
	}
	for _, tt := range []struct{ set, want int }{{3, 3}, {dbx.MaxConns + 1, dbx.MaxConns}} {
		if got := dbtest.Postgres(t, dbx.WithMaxActive(tt.set)).Gate().Size(); got != tt.want {
			t.Errorf("PostgreSQL with WithMaxActive(%d): gate of %d, want %d", tt.set, got, tt.want)
		}
	}
}
