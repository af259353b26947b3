// SPDX-License-Identifier: MIT

package events_test

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/syncbuf"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// publishAt publishes an app.instance.created of ttd/a at time at and returns its
// CloudEvent id.
func publishAt(t *testing.T, st *store.Store, at time.Time) string {
	t.Helper()
	ctx := context.Background()
	var id string
	err := st.Tx(ctx, func(tx *store.Store) error {
		evs, err := events.NewPublisher("http://rt").PublishAll(ctx, tx, events.Instance{Org: "ttd", App: "a", PartyID: 500,
			GUID: "8b9a0f5e-8f0b-4c57-9d1c-3a0f6f3f3c11"}, at, nil, events.TypeInstanceCreated)
		if err == nil {
			id = evs[0].ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestWorkerPrune: once the retention has passed, Prune deletes the delivered
// events, their finished deliveries and fan-outs, the validation handshakes and
// the dead letters, in batches, and says so at info; an event whose deliveries
// are still pending stays, as does a young one. Before that it deletes nothing
// and logs nothing.
func TestWorkerPrune(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clk := &clock{t: time.Now().UTC()}
		st := newStore(t, db, clk)
		ctx := context.Background()
		good, bad := newReceiver(t), newReceiver(t)
		bad.setStatus(http.StatusInternalServerError)
		subscribe(t, st, good.URL, true, nil)
		subscribe(t, st, bad.URL, true, nil)
		var logs syncbuf.Buffer
		const retention = 90 * 24 * time.Hour
		w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Now: clk.Now, Retention: retention, PruneBatch: 2,
			Retry: store.RetryPolicy{MaxAttempts: 1}, Log: slog.New(slog.NewJSONHandler(&logs, nil))})
		for range 3 {
			publishAt(t, st, clk.Now())
		}
		for {
			n, err := w.RunOnce(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
		// This one is fanned out but not yet delivered.
		waiting := publishAt(t, st, clk.Now())
		msgs, err := w.ClaimEvents(ctx, 10, time.Minute)
		if err != nil || len(msgs) != 1 {
			t.Fatalf("claim the fan-out: %v, %v", msgs, err)
		}
		w.FanOutClaimed(ctx, msgs)

		if p, err := w.Prune(ctx); err != nil || p.Total() != 0 {
			t.Fatalf("Prune within the retention = %+v, %v", p, err)
		}
		if strings.Contains(logs.String(), "pruned") {
			t.Fatalf("logged a prune of nothing:\n%s", logs.String())
		}

		clk.Advance(retention + 24*time.Hour)
		young := publishAt(t, st, clk.Now())
		p, err := w.Prune(ctx)
		// Done: 3 deliveries, 4 fan-outs, 2 handshakes; dead: 3 deliveries.
		if err != nil || p != (events.Pruned{Events: 3, Done: 9, DeadLetters: 3}) {
			t.Fatalf("Prune = %+v, %v", p, err)
		}
		left, err := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range left {
			ids = append(ids, e.EventID)
		}
		if !slices.Equal(ids, []string{waiting, young}) {
			t.Fatalf("events left %v, want the waiting %s and the young %s", ids, waiting, young)
		}
		if pending, err := st.Claim(ctx, 10, "check", time.Minute, events.TopicWebhook); err != nil || len(pending) != 2 {
			t.Fatalf("pending deliveries after the prune: %d, %v", len(pending), err)
		}
		if out := logs.String(); !strings.Contains(out, `"msg":"events: pruned rows older than the retention"`) ||
			!strings.Contains(out, `"events":3`) || !strings.Contains(out, `"level":"INFO"`) {
			t.Fatalf("prune log:\n%s", out)
		}
		if p, err := w.Prune(ctx); err != nil || p.Total() != 0 {
			t.Fatalf("second Prune = %+v, %v", p, err)
		}
	})
}

// TestWorkerKeepsForever: without a retention Prune deletes nothing.
func TestWorkerKeepsForever(t *testing.T) {
	db := dbtest.SQLite(t)
	clk := &clock{t: time.Now().UTC()}
	st := newStore(t, db, clk)
	publishAt(t, st, clk.Now().Add(-10*365*24*time.Hour))
	w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Now: clk.Now})
	for range 3 {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if p, err := w.Prune(context.Background()); err != nil || p.Total() != 0 {
		t.Fatalf("Prune = %+v, %v", p, err)
	}
}

// TestWorkerRunPrunes: Run prunes on its own, every prune interval.
func TestWorkerRunPrunes(t *testing.T) {
	db := dbtest.SQLite(t)
	clk := &clock{t: time.Now().UTC()}
	st := newStore(t, db, clk)
	publishAt(t, st, clk.Now().Add(-100*24*time.Hour))
	w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Now: clk.Now, Retention: 90 * 24 * time.Hour,
		PruneEvery: 10 * time.Millisecond})
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	defer func() { stop(); <-done }()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if left, err := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", Limit: 10}); err == nil && len(left) == 0 {
			return
		}
	}
	t.Fatal("the old event was not pruned")
}

// TestWorkerPrunesOtherTopics: the finished messages and dead letters of the
// topics in PruneTopics (the PDF jobs) go with the retention; a pending one and
// those of topics not listed stay.
func TestWorkerPrunesOtherTopics(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Now().UTC()}
		st := newStore(t, db, clk)
		const retention = 24 * time.Hour
		w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Now: clk.Now, Retention: retention,
			PruneTopics: []string{"pdf"}})
		enqueue := func(topic string) {
			t.Helper()
			if _, err := st.Enqueue(ctx, topic, []byte(`{}`), clk.Now()); err != nil {
				t.Fatal(err)
			}
		}
		for _, topic := range []string{"pdf", "pdf", "other"} {
			enqueue(topic)
		}
		claimed, err := st.Claim(ctx, 10, "w", time.Minute, "pdf", "other")
		if err != nil || len(claimed) != 3 {
			t.Fatalf("claim: %d, %v", len(claimed), err)
		}
		for _, m := range claimed {
			if err := st.Complete(ctx, m.ID, "w"); err != nil {
				t.Fatal(err)
			}
		}
		enqueue("pdf") // still pending
		clk.Advance(retention + time.Hour)
		p, err := w.Prune(ctx)
		if err != nil || p.Done != 2 {
			t.Fatalf("Prune = %+v, %v; want the 2 finished PDF jobs", p, err)
		}
		if left, err := st.Claim(ctx, 10, "w2", time.Minute, "pdf"); err != nil || len(left) != 1 {
			t.Fatalf("pending PDF jobs after the prune: %d, %v; want 1", len(left), err)
		}
	})
}
