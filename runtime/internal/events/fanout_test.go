// SPDX-License-Identifier: MIT

package events_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestFanOutLostLease: a batch in which one message's lease was lost falls back to
// one message at a time; the others are fanned out and done, the lost one is left
// to the worker that holds it.
func TestFanOutLostLease(t *testing.T) {
	clk := &clock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
	st := newStore(t, dbtest.SQLite(t), clk)
	ctx := context.Background()
	subscribe(t, st, "https://hooks.example/in", true, nil)
	for range 3 {
		publish(t, st, "ttd", "a", events.TypeInstanceCreated)
	}
	rows, err := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", Limit: 10})
	if err != nil || len(rows) != 3 {
		t.Fatalf("events %+v, %v", rows, err)
	}
	w := events.NewWorker(events.Options{Store: st, PublicURL: "http://rt"})
	msgs, err := w.ClaimEvents(ctx, 10, time.Minute)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("claim %+v, %v", msgs, err)
	}
	// The leases run out and another worker takes the first message.
	clk.Advance(2 * time.Minute)
	if stolen, err := st.Claim(ctx, 1, "other", time.Minute, events.TopicEvent); err != nil || len(stolen) != 1 || stolen[0].ID != msgs[0].ID {
		t.Fatalf("other claim %+v, %v", stolen, err)
	}
	w.FanOutClaimed(ctx, msgs)

	hooks, err := st.Claim(ctx, 10, "check", time.Minute, events.TopicWebhook)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, m := range hooks {
		id, _ := events.WebhookEventID(m)
		got = append(got, id)
	}
	slices.Sort(got)
	if want := []int64{rows[1].ID, rows[2].ID}; !slices.Equal(got, want) {
		t.Fatalf("webhook deliveries of events %v, want %v", got, want)
	}
	// Only the lost message is left, with the worker that holds it.
	clk.Advance(2 * time.Minute)
	if left, err := st.Claim(ctx, 10, "later", time.Minute, events.TopicEvent); err != nil || len(left) != 1 || left[0].ID != msgs[0].ID {
		t.Fatalf("left %+v, %v", left, err)
	}
}
