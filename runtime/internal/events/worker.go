// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// Defaults of Options.
const (
	DefaultTimeout  = 45 * time.Second // Altinn's webhook timeout
	DefaultInterval = 250 * time.Millisecond
	DefaultLease    = time.Minute
	DefaultParallel = 8
	DefaultBatch    = 200
	// DefaultGather is how long the worker waits after a nudge before it polls, so
	// that the events of a burst are fanned out in one round: each round costs
	// write transactions, which on SQLite queue behind the changes themselves.
	DefaultGather = 50 * time.Millisecond
)

// DefaultRetry is the delivery retry policy: 10 attempts, 10 s after the first
// failure and doubling (with jitter) up to 12 h, as Altinn's schedule spreads its
// retries over hours.
var DefaultRetry = store.RetryPolicy{MaxAttempts: 10, Base: 10 * time.Second, Max: 12 * time.Hour}

// Options configure a Worker. Store and PublicURL are required.
type Options struct {
	Store     *store.Store
	PublicURL string
	Log       *slog.Logger
	// Client sends the deliveries; nil is a client that follows no redirects.
	Client *http.Client
	// Timeout bounds one delivery (connect to last byte); 0 is DefaultTimeout.
	Timeout time.Duration
	// Interval is the pause between polls of an idle outbox; Nudge cuts it short.
	Interval time.Duration
	// Lease is how long a claimed message is the worker's; a message whose worker
	// died comes back to any worker after it.
	Lease time.Duration
	// Parallel bounds the deliveries in flight; Batch the events fanned out at once.
	Parallel, Batch int
	// Retry decides when a failed delivery is tried again and when it is dead.
	Retry store.RetryPolicy
	// Now is the clock of signature times and of retention; nil is time.Now.
	Now func() time.Time
	// Retention is how long events, finished deliveries and dead letters are
	// kept (see Prune); 0 keeps them forever. The runtime's default is
	// DefaultRetention.
	Retention time.Duration
	// PruneEvery is the pause between prunes; 0 is DefaultPruneEvery. PruneBatch
	// bounds the rows one statement deletes; 0 is DefaultPruneBatch.
	PruneEvery time.Duration
	PruneBatch int
	// PruneTopics are other workers' outbox topics (the PDF jobs) whose finished
	// messages and dead letters the retention prunes too.
	PruneTopics []string
}

// Worker fans published events out to subscriptions and delivers them. Run it once
// per replica; replicas share the outbox safely.
type Worker struct {
	st       *store.Store
	public   string
	log      *slog.Logger
	client   *http.Client
	timeout  time.Duration
	interval time.Duration
	lease    time.Duration
	parallel int
	batch    int
	retry    store.RetryPolicy
	now      func() time.Time
	id       string
	nudge    chan struct{}
	// retention, pruneEvery and pruneBatch configure Prune.
	retention  time.Duration
	pruneEvery time.Duration
	pruneBatch int
	// done and dead are the topics whose finished messages and dead letters Prune deletes.
	done, dead []string
}

// NewWorker returns a Worker with opts' zero fields set to the defaults.
func NewWorker(o Options) *Worker {
	w := &Worker{st: o.Store, public: strings.TrimRight(o.PublicURL, "/"), log: o.Log, client: o.Client, timeout: o.Timeout,
		interval: o.Interval, lease: o.Lease, parallel: o.Parallel, batch: o.Batch, retry: o.Retry, now: o.Now,
		id: store.WorkerID("events"), nudge: make(chan struct{}, 1), retention: o.Retention, pruneEvery: o.PruneEvery, pruneBatch: o.PruneBatch,
		done: append([]string{TopicEvent, TopicWebhook, TopicValidate}, o.PruneTopics...),
		dead: append([]string{TopicWebhook, TopicValidate}, o.PruneTopics...)}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.client == nil {
		w.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	w.timeout = orDefault(w.timeout, DefaultTimeout)
	w.interval = orDefault(w.interval, DefaultInterval)
	w.lease = orDefault(w.lease, DefaultLease)
	w.pruneEvery = orDefault(w.pruneEvery, DefaultPruneEvery)
	if w.pruneBatch <= 0 {
		w.pruneBatch = DefaultPruneBatch
	}
	if w.parallel <= 0 {
		w.parallel = DefaultParallel
	}
	if w.batch <= 0 {
		w.batch = DefaultBatch
	}
	if w.retry == (store.RetryPolicy{}) {
		w.retry = DefaultRetry
	}
	if w.now == nil {
		w.now = time.Now
	}
	// A lease shorter than a delivery could hand a message to a second worker
	// while the first is still waiting for the endpoint.
	if w.lease < w.timeout+10*time.Second {
		w.lease = w.timeout + 10*time.Second
	}
	return w
}

// Nudge tells the worker that events were published, so it polls now instead of
// at the end of its interval. It never blocks.
func (w *Worker) Nudge() {
	select {
	case w.nudge <- struct{}{}:
	default:
	}
}

// Run works until ctx ends, then waits for the deliveries in flight: a delivery
// cut short by the shutdown keeps its lease and is tried again by any worker once
// the lease runs out. With a retention it also prunes, every prune interval.
func (w *Worker) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	if w.retention > 0 {
		wg.Go(func() { w.pruneLoop(ctx) })
	}
	slots := store.NewSlots(w.parallel)
	defer slots.Wait()
	store.Poll(ctx, w.interval, DefaultGather, w.nudge, func(ctx context.Context) bool {
		busy := w.fanOut(ctx) == w.batch
		_, full, err := slots.Fill(ctx, w.claim, w.deliver)
		if err != nil && ctx.Err() == nil {
			w.log.Error("events: claim deliveries", "err", err)
		}
		return busy || full
	})
}

// RunOnce fans out one batch of events and makes one round of deliveries, waiting
// for them; it returns how many messages it handled. Tests drive the worker with it.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	n := w.fanOut(ctx)
	slots := store.NewSlots(w.parallel)
	claimed, _, err := slots.Fill(ctx, w.claim, w.deliver)
	slots.Wait()
	return n + claimed, err
}

// claim leases up to n deliveries (webhook posts and validation handshakes).
func (w *Worker) claim(ctx context.Context, n int) ([]store.OutboxMessage, error) {
	return w.st.Claim(ctx, n, w.id, w.lease, TopicWebhook, TopicValidate)
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
