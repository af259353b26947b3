// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/obs"
)

// MetricActiveWait is the histogram of the time a statement batch waited at a
// PostgreSQL database's Gate.
const MetricActiveWait = "blankett_db_active_wait_seconds"

// Gate admits at most a fixed number of callers at once and queues the others,
// first come first served. On PostgreSQL, a database's gate bounds the
// one-round-trip statement batches a process has at the server at once: the
// runtime's reads of a request's session and instance, and its batched writes.
//
// Why: on a machine whose cores PostgreSQL shares with the runtime, each batch in
// flight is a server process that wants a core. With 64 requests at once the
// server's processes and the runtime's goroutines took turns on two cores, each
// round trip stretched and the unlucky requests waited for all the others; with
// a few batches at the server at a time, each is answered quickly and the
// requests behind it wait in order (docs/benchmarks.md, session 17). A caller
// waiting here holds no connection, and transactions do not pass through the
// gate, so a batch inside it that waits for a row lock waits for a transaction
// (or a batch) that can always finish. Such a wait keeps its slot, so writes
// queued on one row slow everyone's batches behind them for as long as the
// row's lock holders take: their statements only, since no transaction holds a
// lock over anything but database work.
//
// A nil Gate admits everyone. SQLite's writers queue at a gate of one
// (writeGate).
type Gate struct {
	slots chan struct{}
	wait  prometheus.Histogram // nil: waits are not observed
}

// DefaultMaxActive is the gate's size when none is configured: twice
// GOMAXPROCS, at least 4 and at most MaxConns.
func DefaultMaxActive() int { return min(MaxConns, max(4, 2*runtime.GOMAXPROCS(0))) }

// GateSize is the size of the gate Open gives a PostgreSQL database opened
// WithMaxActive(n): n, at most MaxConns, or DefaultMaxActive for n <= 0.
func GateSize(n int) int {
	if n <= 0 {
		return DefaultMaxActive()
	}
	return min(n, MaxConns)
}

// NewGate returns a gate that admits n callers at once (n > 0) and observes
// their waits as MetricActiveWait.
func NewGate(n int) *Gate {
	g := newGate(n)
	g.wait = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    MetricActiveWait,
		Help:    "Time a PostgreSQL statement batch waited for one of the process's active slots (--database-max-active).",
		Buckets: obs.StorageBuckets,
	})
	return g
}

func newGate(n int) *Gate { return &Gate{slots: make(chan struct{}, n)} }

// Size is how many callers the gate admits at once; 0 for a nil gate.
func (g *Gate) Size() int {
	if g == nil {
		return 0
	}
	return cap(g.slots)
}

// Enter waits for a slot, in the order callers arrived, until ctx ends. A
// caller that entered must Leave.
func (g *Gate) Enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	waited, err := g.enter(ctx, 0)
	if g.wait != nil {
		g.wait.Observe(waited.Seconds()) // an abandoned wait too
	}
	if err != nil {
		return fmt.Errorf("dbx: waiting for an active database slot: %w", err)
	}
	return nil
}

// errGateLimit is enter's error when its limit passed before a slot was free.
var errGateLimit = errors.New("dbx: gate wait limit passed")

// enter waits for a slot until ctx ends or, with limit > 0, until limit has
// passed (errGateLimit), and says how long it waited, also when it gave up. A
// freed slot goes to the longest waiting sender (a channel's blocked senders
// queue first in, first out), so a newcomer never overtakes a waiter and nobody
// polls. An ended ctx's error is ctx.Err(), joined with its cause when it has
// one of its own.
func (g *Gate) enter(ctx context.Context, limit time.Duration) (time.Duration, error) {
	select {
	case g.slots <- struct{}{}:
		return 0, nil
	default:
	}
	start := time.Now()
	var expired <-chan time.Time
	if limit > 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		expired = t.C
	}
	select {
	case g.slots <- struct{}{}:
		return time.Since(start), nil
	case <-ctx.Done():
		err := ctx.Err()
		if cause := context.Cause(ctx); cause != err {
			err = fmt.Errorf("%w: %w", err, cause)
		}
		return time.Since(start), err
	case <-expired:
		return time.Since(start), errGateLimit
	}
}

// Leave frees the slot Enter took. Leaving a gate nobody entered is a bug,
// and panics.
func (g *Gate) Leave() {
	if g == nil {
		return
	}
	select {
	case <-g.slots:
	default:
		panic("dbx: Gate.Leave without Enter")
	}
}
