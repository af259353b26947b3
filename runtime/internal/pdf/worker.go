// SPDX-License-Identifier: MIT

package pdf

import (
	"context"
	"log/slog"
	"time"

	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// Defaults of Options.
const (
	DefaultInterval = time.Second
	// DefaultLease outlasts a print at DefaultTimeout with room for rendering and
	// storing; NewWorker raises it for longer timeouts.
	DefaultLease = 2 * time.Minute
)

// DefaultRetry is the job retry policy: 8 attempts, 15 s after the first failure,
// doubling (with jitter) up to 30 min, so a browser that is down for a while does
// not kill the jobs at once.
var DefaultRetry = store.RetryPolicy{MaxAttempts: 8, Base: 15 * time.Second, Max: 30 * time.Minute}

// Renderer renders the document a PDF receipt prints: the instance's read-only
// summary as a complete, self-contained HTML page in lang. The forms UI implements
// it, so the PDF shows what the receipt page shows.
type Renderer interface {
	PrintDocument(ctx context.Context, snap *instances.Snapshot, lang string, tasks []string) ([]byte, error)
}

// Backend prints an HTML document to PDF; *Printer is the Chromium one, tests
// give fakes.
type Backend interface {
	Print(ctx context.Context, doc []byte) ([]byte, error)
}

// Options configure a Worker. Store, Service, Renderer and Printer are required.
type Options struct {
	Store    *store.Store
	Service  *instances.Service
	Renderer Renderer
	Printer  Backend
	Log      *slog.Logger
	// Interval is the pause between polls of an idle outbox; Nudge cuts it short.
	Interval time.Duration
	// Lease is how long a claimed job is the worker's; at least Timeout plus a minute.
	Lease time.Duration
	// Timeout is the printer's timeout, which the lease must outlast.
	Timeout time.Duration
	// Parallel bounds the jobs in flight (the printer bounds its tabs itself).
	Parallel int
	// Retry decides when a failed job is tried again and when it is dead.
	Retry store.RetryPolicy
}

// Worker runs PDF jobs from the outbox. Run it once per replica that has a
// Chromium; replicas share the jobs safely.
type Worker struct {
	st       *store.Store
	svc      *instances.Service
	render   Renderer
	printer  Backend
	log      *slog.Logger
	interval time.Duration
	lease    time.Duration
	parallel int
	retry    store.RetryPolicy
	id       string
	nudge    chan struct{}
}

// NewWorker returns a Worker with o's zero fields set to the defaults.
func NewWorker(o Options) *Worker {
	w := &Worker{st: o.Store, svc: o.Service, render: o.Renderer, printer: o.Printer, log: o.Log,
		interval: o.Interval, lease: o.Lease, parallel: o.Parallel, retry: o.Retry, id: store.WorkerID("pdf"), nudge: make(chan struct{}, 1)}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.interval <= 0 {
		w.interval = DefaultInterval
	}
	if w.lease <= 0 {
		w.lease = DefaultLease
	}
	if min := max(o.Timeout, DefaultTimeout) + time.Minute; w.lease < min {
		w.lease = min
	}
	if w.parallel <= 0 {
		w.parallel = DefaultParallel
	}
	if w.retry == (store.RetryPolicy{}) {
		w.retry = DefaultRetry
	}
	return w
}

// Nudge tells the worker that a job was queued, so it polls now. It never blocks.
func (w *Worker) Nudge() {
	select {
	case w.nudge <- struct{}{}:
	default:
	}
}

// Run works until ctx ends, then waits for the jobs in flight; a job cut short
// keeps its lease and is run again by any worker once the lease runs out.
func (w *Worker) Run(ctx context.Context) {
	slots := store.NewSlots(w.parallel)
	defer slots.Wait()
	store.Poll(ctx, w.interval, 0, w.nudge, func(ctx context.Context) bool {
		_, full, err := slots.Fill(ctx, w.claim, w.handle)
		if err != nil && ctx.Err() == nil {
			w.log.Error("pdf: claim jobs", "err", err)
		}
		return full
	})
}

// claim leases up to n jobs.
func (w *Worker) claim(ctx context.Context, n int) ([]store.OutboxMessage, error) {
	return w.st.Claim(ctx, n, w.id, w.lease, instances.TopicPDF)
}

// RunOnce claims one round of jobs and runs them, waiting for them; it returns how
// many it handled. Tests drive the worker with it.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	slots := store.NewSlots(w.parallel)
	n, _, err := slots.Fill(ctx, w.claim, w.handle)
	slots.Wait()
	return n, err
}

// handle runs job m and records the outcome in the outbox.
func (w *Worker) handle(ctx context.Context, m store.OutboxMessage) {
	start := time.Now()
	stored, err := w.run(ctx, m)
	switch {
	case err == nil:
		if err := w.st.Complete(ctx, m.ID, w.id); err != nil && ctx.Err() == nil {
			w.log.Warn("pdf: complete job", "job", m.ID, "err", err)
		}
		if stored {
			w.log.Info("pdf: receipt stored", "job", m.ID, "instance", m.Ref, "took", time.Since(start).Round(time.Millisecond))
		}
	case ctx.Err() != nil:
		// Shutdown: the lease brings the job back.
	default:
		failed, ferr := w.st.Fail(ctx, m.ID, w.id, err, w.retry)
		switch {
		case ferr != nil:
			w.log.Warn("pdf: record failed job", "job", m.ID, "err", ferr)
		case failed.Dead:
			w.log.Warn("pdf: job dead after its last attempt", "job", m.ID, "instance", m.Ref, "attempts", failed.Attempts, "err", err)
		default:
			w.log.Info("pdf: job failed; retrying later", "job", m.ID, "instance", m.Ref, "attempt", failed.Attempts,
				"retryAt", failed.AvailableAt, "err", err)
		}
	}
}
