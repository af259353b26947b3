// SPDX-License-Identifier: MIT

package loadtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Limits on a run, so that no flag combination makes an unbounded loop.
const (
	MaxClients  = 1024
	MaxDuration = 10 * time.Minute
	MaxCount    = 10_000_000
)

// ErrOptions reports options outside the limits.
var ErrOptions = errors.New("loadtest: invalid options")

// Options bound a run: Clients operations in flight until Duration has passed
// or Count operations have started, whichever comes first.
type Options struct {
	Clients  int
	Duration time.Duration
	// Count is the total number of operations over all clients; 0 means as
	// many as fit in Duration.
	Count int64
	// DBCPU, when set, reads a database server's CPU time (PostgresCPU); Run
	// reads it before and after, like the process's own.
	DBCPU func() (time.Duration, bool)
}

// Validate checks o against the limits.
func (o Options) Validate() error {
	switch {
	case o.Clients < 1 || o.Clients > MaxClients:
		return fmt.Errorf("%w: clients must be 1 to %d, got %d", ErrOptions, MaxClients, o.Clients)
	case o.Duration <= 0 || o.Duration > MaxDuration:
		return fmt.Errorf("%w: duration must be positive and at most %s, got %s", ErrOptions, MaxDuration, o.Duration)
	case o.Count < 0 || o.Count > MaxCount:
		return fmt.Errorf("%w: count must be 0 to %d, got %d", ErrOptions, MaxCount, o.Count)
	}
	return nil
}

// Op is one operation of a scenario, done by client (0 to Clients-1). An
// error counts the operation as failed; its latency is still recorded.
type Op func(ctx context.Context, client int) error

// Run runs op under opt and returns the result named name. A client starts no
// operation after Duration, but operations in flight finish, so the server
// never sees a request cut off by the clock. Run stops early when ctx ends.
func Run(ctx context.Context, name string, opt Options, op Op) (Result, error) {
	if err := opt.Validate(); err != nil {
		return Result{}, err
	}
	var (
		started  atomic.Int64
		errCount atomic.Int64
		firstErr atomic.Value
		wg       sync.WaitGroup
	)
	lat := make([][]time.Duration, opt.Clients)
	calls := make([]*callRecorder, opt.Clients)
	cpu0, cpuOK := ProcessCPU()
	db0, dbOK := readDBCPU(opt.DBCPU)
	begin := time.Now()
	deadline := begin.Add(opt.Duration)
	for c := range opt.Clients {
		calls[c] = &callRecorder{}
		cctx := context.WithValue(ctx, callsKey{}, calls[c])
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(deadline) {
				if opt.Count > 0 && started.Add(1) > opt.Count {
					return
				}
				calls[c].pos = 0
				t0 := time.Now()
				err := op(cctx, c)
				lat[c] = append(lat[c], time.Since(t0))
				if err != nil {
					errCount.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		})
	}
	wg.Wait()
	r := summarise(name, slices.Concat(lat...), time.Since(begin))
	if cpu1, ok := ProcessCPU(); ok && cpuOK {
		r.CPU = cpu1 - cpu0
	}
	if db1, ok := readDBCPU(opt.DBCPU); ok && dbOK {
		r.DBCPU = db1 - db0
	}
	r.Errors = errCount.Load()
	var all []time.Duration
	for _, rec := range calls {
		all = append(all, rec.lat...)
	}
	if int64(len(all)) > r.Requests {
		per := summarise(name+" (per request)", all, r.Elapsed)
		per.CPU, per.DBCPU = r.CPU, r.DBCPU
		r.PerRequest = &per
		r.Steps = summariseSteps(name, calls, r.Elapsed)
	}
	if s, ok := firstErr.Load().(string); ok {
		r.FirstError = s
	}
	return r, nil
}

func readDBCPU(probe func() (time.Duration, bool)) (time.Duration, bool) {
	if probe == nil {
		return 0, false
	}
	return probe()
}

// callRecorder collects the latency of each HTTP request (Do, Expect) one client
// makes, so a scenario of several requests per operation also reports them one by
// one, and by their place in the operation (Result.Steps). A client's operations
// run one after another, so it needs no lock.
type callRecorder struct {
	lat []time.Duration
	// pos is the place of the next request in the current operation; Run
	// resets it before each one.
	pos int
	// steps[i] holds the latencies of every operation's request i (up to
	// maxSteps), labels[i] the first label seen there.
	steps  [maxSteps][]time.Duration
	labels [maxSteps]string
}

// maxSteps bounds the requests per operation reported one by one; later ones
// count only in the per-request row.
const maxSteps = 8

type callsKey struct{}

// recordCall adds one request's latency to the recorder in ctx, if any, under
// its place in the operation and label (see callLabel).
func recordCall(ctx context.Context, label string, d time.Duration) {
	rec, ok := ctx.Value(callsKey{}).(*callRecorder)
	if !ok {
		return
	}
	rec.lat = append(rec.lat, d)
	if rec.pos < maxSteps {
		rec.steps[rec.pos] = append(rec.steps[rec.pos], d)
		if rec.labels[rec.pos] == "" {
			rec.labels[rec.pos] = label
		}
	}
	rec.pos++
}

// summariseSteps returns one result per place in the operation (every
// operation's first request, its second, …), named "name: label" after the label
// recorded there, or "name: request N" when clients recorded different labels
// for that place.
func summariseSteps(name string, calls []*callRecorder, elapsed time.Duration) []Result {
	var out []Result
	for i := range maxSteps {
		var lat []time.Duration
		label := ""
		for _, rec := range calls {
			if len(rec.steps[i]) == 0 {
				continue
			}
			switch {
			case label == "":
				label = rec.labels[i]
			case label != rec.labels[i]:
				label = fmt.Sprintf("request %d", i+1)
			}
			lat = append(lat, rec.steps[i]...)
		}
		if len(lat) == 0 {
			break
		}
		out = append(out, summarise(name+": "+label, lat, elapsed))
	}
	return out
}
