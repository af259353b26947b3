// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestSubscriptions(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		mk := func(org, app string) store.Subscription {
			sub, err := s.CreateSubscription(ctx, store.Subscription{Org: org, EndPoint: "https://example.com/hook", FilterOrg: org,
				FilterApp: app, SourceFilter: "https://x/" + org + "/" + app, Secret: "s", CreatedBy: org + "-client"})
			if err != nil {
				t.Fatal(err)
			}
			return sub
		}
		a, b, other := mk("ttd", "a"), mk("ttd", "b"), mk("acme", "a")
		if a.ID == 0 || a.Created.IsZero() || a.Validated {
			t.Fatalf("created %+v", a)
		}
		if list, err := s.ListSubscriptions(ctx, "ttd"); err != nil || len(list) != 2 || list[0].ID != a.ID {
			t.Fatalf("List = %+v, %v", list, err)
		}
		if _, err := s.OwnSubscription(ctx, "ttd", other.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another org's subscription: %v", err)
		}
		if act, _ := s.ActiveSubscriptions(ctx); len(act) != 0 {
			t.Fatalf("unvalidated subscriptions are active: %+v", act)
		}
		for _, id := range []int64{a.ID, b.ID} {
			if err := s.SetSubscriptionValidated(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SetSubscriptionValidated(ctx, 1<<40); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("validate unknown: %v", err)
		}
		if err := s.DisableSubscription(ctx, "acme", b.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another org disables: %v", err)
		}
		if err := s.DisableSubscription(ctx, "ttd", b.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DisableSubscription(ctx, "ttd", b.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("disable twice: %v", err)
		}
		act, err := s.ActiveSubscriptions(ctx)
		if err != nil || len(act) != 1 || act[0].ID != a.ID || !act[0].Validated {
			t.Fatalf("Active = %+v, %v", act, err)
		}
		if _, err := s.OwnSubscription(ctx, "ttd", b.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("disabled subscription still readable: %v", err)
		}
		if got, err := s.GetSubscription(ctx, b.ID); err != nil || !got.Disabled {
			t.Fatalf("Get disabled = %+v, %v", got, err)
		}
	})
}

func TestOutboxTopicsAndDeadLetters(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clock := &fakeClock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
		s := newStore(t, db, store.WithClock(clock.Now))
		ctx := context.Background()
		pdf, _ := s.Enqueue(ctx, "pdf", []byte(`{}`), time.Time{})
		hook, err := s.EnqueueRef(ctx, "webhook", "7", []byte(`{"subscriptionId":7}`), time.Time{})
		if err != nil || hook.Ref != "7" {
			t.Fatalf("EnqueueRef = %+v, %v", hook, err)
		}
		got, err := s.Claim(ctx, 10, "w", time.Minute, "webhook", "validate")
		if err != nil || len(got) != 1 || got[0].ID != hook.ID {
			t.Fatalf("Claim by topic = %+v, %v", got, err)
		}
		dead, err := s.Fail(ctx, hook.ID, "w", errors.New("503"), store.RetryPolicy{MaxAttempts: 1})
		if err != nil || !dead.Dead || dead.FailedAt == nil || !dead.FailedAt.Equal(clock.Now()) {
			t.Fatalf("Fail = %+v, %v", dead, err)
		}
		if ds, err := s.DeadMessagesOf(ctx, "7", 10, "webhook"); err != nil || len(ds) != 1 || ds[0].LastError != "503" || ds[0].FailedAt == nil {
			t.Fatalf("DeadMessagesOf = %+v, %v", ds, err)
		}
		if ds, _ := s.DeadMessagesOf(ctx, "8", 10, "webhook"); len(ds) != 0 {
			t.Fatalf("dead letters of another subscription: %+v", ds)
		}
		if err := s.Revive(ctx, hook.ID, "8", "webhook"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("revive under another ref: %v", err)
		}
		if err := s.Revive(ctx, pdf.ID, "", "pdf"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("revive a live message: %v", err)
		}
		if err := s.Revive(ctx, hook.ID, "7", "webhook"); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Claim(ctx, 10, "w", time.Minute, "webhook")
		if len(got) != 1 || got[0].Attempts != 1 || got[0].Dead {
			t.Fatalf("revived claim = %+v", got)
		}
		if all, _ := s.Claim(ctx, 10, "w2", time.Minute); len(all) != 1 || all[0].ID != pdf.ID {
			t.Fatalf("claim without topics = %+v", all)
		}
	})
}
