// SPDX-License-Identifier: MIT

package events_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/syncbuf"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestWorkerValidatesThenDelivers: a new subscription gets the handshake and is
// validated; then it receives the signed events its filters match, and nothing of
// another app or type.
func TestWorkerValidatesThenDelivers(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clk := &clock{t: time.Now()}
		st := newStore(t, db, clk)
		ctx := context.Background()
		rcv, typed := newReceiver(t), newReceiver(t)
		sub := subscribe(t, st, rcv.URL+"/hook?code=s3cret", false, nil)
		onlyCompleted := subscribe(t, st, typed.URL, true, func(s *store.Subscription) { s.TypeFilter = events.TypeProcessCompleted })
		w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt"})
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		got := rcv.deliveries()
		if len(got) != 1 {
			t.Fatalf("%d deliveries, want the validation event", len(got))
		}
		var v events.Event
		if err := json.Unmarshal(got[0].body, &v); err != nil || v.Type != events.TypeValidateSubscription || v.SpecVersion != "1.0" ||
			!strings.HasSuffix(v.Source, "/events/api/v1/subscriptions/"+itoa(sub.ID)) {
			t.Fatalf("validation event %s: %v", got[0].body, err)
		}
		checkSigned(t, got[0], sub.Secret)
		if s, _ := st.GetSubscription(ctx, sub.ID); !s.Validated {
			t.Fatal("subscription not validated after a 2xx")
		}

		created := publish(t, st, "ttd", "a", events.TypeInstanceCreated)
		completed := publish(t, st, "ttd", "a", events.TypeProcessCompleted)
		publish(t, st, "ttd", "b", events.TypeInstanceCreated)
		for range 3 { // fan-out, then deliveries
			if _, err := w.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		got = rcv.deliveries()[1:]
		ids := map[string]bool{}
		for _, d := range got {
			checkSigned(t, d, sub.Secret)
			ids[d.header.Get(events.HeaderEventID)] = true
			var ev events.Event
			if err := json.Unmarshal(d.body, &ev); err != nil || ev.ID != d.header.Get(events.HeaderEventID) {
				t.Errorf("body %s does not match its event id header", d.body)
			}
		}
		if len(got) != 2 || !ids[created.ID] || !ids[completed.ID] {
			t.Fatalf("deliveries %v, want %s and %s", ids, created.ID, completed.ID)
		}
		if tg := typed.deliveries(); len(tg) != 1 || tg[0].header.Get(events.HeaderEventID) != completed.ID {
			t.Fatalf("type-filtered subscription got %d deliveries", len(tg))
		}
		checkSigned(t, typed.deliveries()[0], onlyCompleted.Secret)

		// A deleted subscription receives nothing more, even what was queued.
		last := publish(t, st, "ttd", "a", events.TypeInstanceCreated)
		rows, _ := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", After: completed.ID, Limit: 1})
		if len(rows) != 1 || rows[0].EventID != last.ID {
			t.Fatalf("rows %+v", rows)
		}
		// As fan-out would have queued it before the delete.
		if _, err := st.EnqueueRef(ctx, events.TopicWebhook, itoa(sub.ID), []byte(`{"subscriptionId":`+itoa(sub.ID)+`,"eventId":`+itoa(rows[0].ID)+`}`), time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := st.DisableSubscription(ctx, "ttd", sub.ID); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			w.RunOnce(ctx)
		}
		if n := len(rcv.deliveries()); n != 3 {
			t.Fatalf("%d deliveries after the delete, want 3", n)
		}
	})
}

// TestWorkerRetriesThenDead: an endpoint that keeps failing is tried MaxAttempts
// times, no sooner than the backoff allows, and is then a dead letter whose error
// names the endpoint without its query; no log line holds the secret or the query.
func TestWorkerRetriesThenDead(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clk := &clock{t: time.Now()}
		st := newStore(t, db, clk)
		ctx := context.Background()
		rcv := newReceiver(t)
		rcv.setStatus(http.StatusInternalServerError)
		sub := subscribe(t, st, rcv.URL+"/hook?code=s3cret", true, nil)
		var logs syncbuf.Buffer
		w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Log: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
			Retry: store.RetryPolicy{MaxAttempts: 3, Base: time.Minute, Max: time.Hour}})
		publish(t, st, "ttd", "a", events.TypeInstanceCreated)
		tries := func() int {
			n := 0
			for _, d := range rcv.deliveries() {
				if !strings.Contains(string(d.body), events.TypeValidateSubscription) {
					n++
				}
			}
			return n
		}
		w.RunOnce(ctx)
		if tries() != 1 {
			t.Fatalf("%d tries after the first round", tries())
		}
		w.RunOnce(ctx) // within the backoff: nothing
		if tries() != 1 {
			t.Fatalf("retried before the backoff: %d tries", tries())
		}
		for i := 2; i <= 4; i++ {
			clk.Advance(2 * time.Hour)
			w.RunOnce(ctx)
		}
		if tries() != 3 {
			t.Fatalf("%d tries, want MaxAttempts = 3", tries())
		}
		dead, err := st.DeadMessagesOf(ctx, itoa(sub.ID), 10, events.TopicWebhook)
		if err != nil || len(dead) != 1 || dead[0].Attempts != 3 {
			t.Fatalf("dead letters = %+v, %v", dead, err)
		}
		if e := dead[0].LastError; !strings.Contains(e, "answered 500") || strings.Contains(e, "s3cret") || !strings.Contains(e, "/hook") {
			t.Errorf("last error %q", e)
		}
		out := logs.String()
		if !strings.Contains(out, "dead after its last attempt") {
			t.Errorf("no dead-letter log line:\n%s", out)
		}
		for _, secret := range []string{"s3cret", "code=", sub.Secret} {
			if strings.Contains(out, secret) {
				t.Errorf("log holds %q:\n%s", secret, out)
			}
		}
		// Revived after the endpoint is fixed, it is delivered.
		rcv.setStatus(http.StatusNoContent)
		if err := st.Revive(ctx, dead[0].ID, itoa(sub.ID), events.TopicWebhook); err != nil {
			t.Fatal(err)
		}
		w.RunOnce(ctx)
		if dead, _ := st.DeadMessagesOf(ctx, itoa(sub.ID), 10, events.TopicWebhook); len(dead) != 0 || tries() != 4 {
			t.Fatalf("after revive: %d dead, %d tries", len(dead), tries())
		}
	})
}

// TestWorkerTimeout: an endpoint slower than the timeout fails the attempt, and an
// endpoint answering a redirect is not followed, though its target would answer 200.
func TestWorkerTimeoutAndRedirect(t *testing.T) {
	st := newStore(t, dbtest.SQLite(t), &clock{t: time.Now()})
	ctx := context.Background()
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { time.Sleep(300 * time.Millisecond) })
	target := newReceiver(t)
	redirect := http.RedirectHandler(target.URL+"/elsewhere", http.StatusFound)
	for name, h := range map[string]http.Handler{"timeout": slow, "redirect": redirect} {
		t.Run(name, func(t *testing.T) {
			srv := newHandlerServer(t, h)
			sub := subscribe(t, st, srv.URL+"/"+name, false, nil)
			w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Timeout: 50 * time.Millisecond,
				Retry: store.RetryPolicy{MaxAttempts: 1}})
			w.RunOnce(ctx)
			dead, _ := st.DeadMessagesOf(ctx, itoa(sub.ID), 10, events.TopicValidate)
			if len(dead) != 1 {
				t.Fatalf("validation not failed: %+v", dead)
			}
			if s, _ := st.GetSubscription(ctx, sub.ID); s.Validated {
				t.Fatal("validated without a 2xx")
			}
			if got := target.deliveries(); len(got) != 0 {
				t.Fatalf("redirect followed: the target got %d requests", len(got))
			}
			t.Logf("last error: %s", dead[0].LastError)
		})
	}
}

// TestWorkerRun: the loop delivers on a nudge and returns when its context ends.
func TestWorkerRun(t *testing.T) {
	st := newStore(t, dbtest.SQLite(t), &clock{t: time.Now()})
	rcv := newReceiver(t)
	subscribe(t, st, rcv.URL, true, nil)
	w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt", Interval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	publish(t, st, "ttd", "a", events.TypeInstanceCreated)
	w.Nudge()
	deadline := time.Now().Add(5 * time.Second)
	for len(rcv.deliveries()) < 1 && time.Now().Before(deadline) { // the event (validated already, so no handshake)
		time.Sleep(10 * time.Millisecond)
		w.Nudge()
	}
	if n := len(rcv.deliveries()); n != 1 {
		t.Fatalf("%d deliveries", n)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
