// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"math/rand/v2"
	"time"
)

// Defaults of the retention options.
const (
	// DefaultRetention is how long events are kept: Altinn keeps them 90 days.
	DefaultRetention  = 90 * 24 * time.Hour
	DefaultPruneEvery = time.Hour
	// DefaultPruneBatch bounds the rows one prune statement deletes, so that it
	// holds SQLite's single writer briefly.
	DefaultPruneBatch = 1000
)

// Pruned counts what one Prune deleted.
type Pruned struct {
	// Events are events older than the retention that no delivery still needs.
	Events int64
	// Done are finished fan-outs, deliveries and validation handshakes (and
	// messages of Options.PruneTopics), done longer ago than the retention.
	Done int64
	// DeadLetters are dead deliveries and handshakes that died longer ago than
	// the retention.
	DeadLetters int64
}

// Total is the number of rows Prune deleted.
func (p Pruned) Total() int64 { return p.Events + p.Done + p.DeadLetters }

// Prune deletes, in batches of the worker's prune batch, what the retention has
// outlived: finished outbox messages of the worker's topics and of
// Options.PruneTopics done before the cutoff (now minus the retention), dead
// letters that died before it, then the events older than it that no message
// still needs. An event with a delivery that is pending or a dead letter still
// kept, or whose fan-out is not done, stays. With no retention it does nothing.
// Replicas may prune at once: each batch deletes what is still there.
func (w *Worker) Prune(ctx context.Context) (Pruned, error) {
	var p Pruned
	if w.retention <= 0 {
		return p, nil
	}
	cutoff := w.now().Add(-w.retention)
	steps := []struct {
		n   *int64
		del func() (int64, error)
	}{
		{&p.Done, func() (int64, error) {
			return w.st.PruneDoneMessages(ctx, cutoff, w.pruneBatch, w.done...)
		}},
		{&p.DeadLetters, func() (int64, error) {
			return w.st.PruneDeadMessages(ctx, cutoff, w.pruneBatch, w.dead...)
		}},
		{&p.Events, func() (int64, error) { return w.st.PruneCloudEvents(ctx, cutoff, w.pruneBatch, TopicEvent) }},
	}
	for _, s := range steps {
		for ctx.Err() == nil {
			n, err := s.del()
			*s.n += n
			if err != nil {
				return p, err
			}
			if n < int64(w.pruneBatch) {
				break
			}
		}
	}
	if p.Total() > 0 {
		w.log.Info("events: pruned rows older than the retention", "events", p.Events, "done", p.Done,
			"deadLetters", p.DeadLetters, "retention", w.retention.String())
	}
	return p, ctx.Err()
}

// pruneLoop prunes every prune interval until ctx ends. The first run waits a
// random part of the interval (at most 5 min), so that replicas started together
// do not prune together, and a start-up is not slowed by it.
func (w *Worker) pruneLoop(ctx context.Context) {
	first := min(w.pruneEvery, 5*time.Minute)
	timer := time.NewTimer(rand.N(first))
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		if _, err := w.Prune(ctx); err != nil && ctx.Err() == nil {
			w.log.Error("events: prune", "err", err)
		}
		timer.Reset(w.pruneEvery)
	}
}
