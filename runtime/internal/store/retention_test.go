// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// retentionFixture is a store whose clock starts at t0, with helpers to add events
// and messages about them.
type retentionFixture struct {
	t     *testing.T
	db    *dbx.DB
	s     *store.Store
	clock *fakeClock
	t0    time.Time
}

func newRetentionFixture(t *testing.T, db *dbx.DB) *retentionFixture {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := &fakeClock{t: t0}
	return &retentionFixture{t: t, db: db, s: newStore(t, db, store.WithClock(clock.Now)), clock: clock, t0: t0}
}

// events adds n events at time at and returns their row ids.
func (f *retentionFixture) events(n int, at time.Time) []int64 {
	f.t.Helper()
	rows := make([]store.CloudEvent, n)
	for i := range rows {
		rows[i] = store.CloudEvent{EventID: uuid.NewString(), Type: "app.instance.created", Org: "ttd", App: "a", Time: at, Document: `{}`}
	}
	rows, err := f.s.AppendCloudEvents(context.Background(), rows)
	if err != nil {
		f.t.Fatal(err)
	}
	ids := make([]int64, n)
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

// message enqueues a message of topic about event (0 for none), claims it and
// leaves it as state says: "pending", "done" or "dead", at the clock's time.
func (f *retentionFixture) message(topic string, event int64, state string) store.OutboxMessage {
	f.t.Helper()
	ctx := context.Background()
	m, err := f.s.EnqueueAbout(ctx, topic, "7", event, []byte(`{}`), time.Time{})
	if err != nil {
		f.t.Fatal(err)
	}
	if state == "pending" {
		return m
	}
	if _, err := f.s.Claim(ctx, 100, "w", time.Minute, topic); err != nil {
		f.t.Fatal(err)
	}
	if state == "done" {
		err = f.s.Complete(ctx, m.ID, "w")
	} else {
		_, err = f.s.Fail(ctx, m.ID, "w", errors.New("answered 500"), store.RetryPolicy{MaxAttempts: 1})
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return m
}

// remaining returns the row ids of the events table.
func (f *retentionFixture) remaining() []int64 {
	f.t.Helper()
	var ids []int64
	if err := f.db.Gorm.Table("events").Order("id").Pluck("id", &ids).Error; err != nil {
		f.t.Fatal(err)
	}
	return ids
}

// TestPruneCloudEvents: events older than the cutoff go unless a message that is
// not done needs them: a pending or leased delivery, a dead letter, or a fan-out
// not done of them or an earlier event. Done messages need nothing.
func TestPruneCloudEvents(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newRetentionFixture(t, db)
		ctx := context.Background()
		old := f.events(7, f.t0)
		young := f.events(1, f.t0.Add(60*24*time.Hour))
		f.clock.Advance(24 * time.Hour)
		f.message("webhook", old[1], "pending")
		f.message("webhook", old[2], "dead")
		f.message("webhook", old[3], "done")
		f.message("webhook", 0, "pending") // about no event: needs none
		fanOut := f.message("event", old[5], "pending")
		cutoff := f.t0.Add(50 * 24 * time.Hour)

		n, err := f.s.PruneCloudEvents(ctx, cutoff, 100, "event")
		if err != nil || n != 3 {
			t.Fatalf("PruneCloudEvents = %d, %v; want 3 (old 0, 3 and 4)", n, err)
		}
		// old[4] comes before the fan-out's lowest event and goes; old[5] and the
		// later old[6] wait for the fan-out.
		want := []int64{old[1], old[2], old[5], old[6], young[0]}
		if got := f.remaining(); !slices.Equal(got, want) {
			t.Fatalf("left %v, want %v", got, want)
		}
		if _, err := f.s.Claim(ctx, 10, "w", time.Minute, "event"); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.s.PruneCloudEvents(ctx, cutoff, 100, "event"); n != 0 {
			t.Fatalf("a leased fan-out's events pruned: %d", n)
		}
		if err := f.s.Complete(ctx, fanOut.ID, "w"); err != nil {
			t.Fatal(err)
		}
		if n, err := f.s.PruneCloudEvents(ctx, cutoff, 100, "event"); err != nil || n != 2 {
			t.Fatalf("after the fan-out: %d, %v; want 2", n, err)
		}
		if got, want := f.remaining(), []int64{old[1], old[2], young[0]}; !slices.Equal(got, want) {
			t.Fatalf("left %v, want %v", got, want)
		}
	})
}

// TestPruneBatches: one call deletes at most limit rows.
func TestPruneBatches(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newRetentionFixture(t, db)
		ctx := context.Background()
		f.events(25, f.t0)
		young := f.events(2, f.t0.Add(time.Hour))
		cutoff := f.t0.Add(time.Minute)
		var got []int64
		for range 4 {
			n, err := f.s.PruneCloudEvents(ctx, cutoff, 10, "event")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, n)
		}
		if !slices.Equal(got, []int64{10, 10, 5, 0}) || !slices.Equal(f.remaining(), young) {
			t.Fatalf("batches %v, left %v", got, f.remaining())
		}
		for range 12 {
			f.message("webhook", 0, "done")
			f.message("webhook", 0, "dead")
		}
		f.clock.Advance(time.Hour)
		for _, prune := range []func() (int64, error){
			func() (int64, error) { return f.s.PruneDoneMessages(ctx, f.clock.Now(), 5, "webhook") },
			func() (int64, error) { return f.s.PruneDeadMessages(ctx, f.clock.Now(), 5, "webhook") },
		} {
			got = got[:0]
			for range 4 {
				n, err := prune()
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, n)
			}
			if !slices.Equal(got, []int64{5, 5, 2, 0}) {
				t.Fatalf("message batches %v", got)
			}
		}
	})
}

// TestPruneMessages: done messages go once done before the cutoff, dead ones once
// dead before it, each only of the topics named; pending ones never.
func TestPruneMessages(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newRetentionFixture(t, db)
		ctx := context.Background()
		oldDone, oldDead := f.message("webhook", 0, "done"), f.message("webhook", 0, "dead")
		otherTopic := f.message("pdf", 0, "done")
		pending := f.message("webhook", 0, "pending")
		f.clock.Advance(48 * time.Hour)
		youngDone, youngDead := f.message("validate", 0, "done"), f.message("validate", 0, "dead")
		cutoff := f.t0.Add(24 * time.Hour)
		if n, err := f.s.PruneDoneMessages(ctx, cutoff, 100, "webhook", "validate"); err != nil || n != 1 {
			t.Fatalf("PruneDoneMessages = %d, %v", n, err)
		}
		if n, err := f.s.PruneDeadMessages(ctx, cutoff, 100, "webhook", "validate"); err != nil || n != 1 {
			t.Fatalf("PruneDeadMessages = %d, %v", n, err)
		}
		var left []int64
		if err := f.db.Gorm.Table("outbox").Order("id").Pluck("id", &left).Error; err != nil {
			t.Fatal(err)
		}
		if want := []int64{otherTopic.ID, pending.ID, youngDone.ID, youngDead.ID}; !slices.Equal(left, want) {
			t.Fatalf("left %v, want %v (pruned %d and %d)", left, want, oldDone.ID, oldDead.ID)
		}
	})
}
