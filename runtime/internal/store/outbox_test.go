// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestOutboxLifecycle(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clock := &fakeClock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
		s := newStore(t, db, store.WithClock(clock.Now))
		ctx := context.Background()
		if _, err := s.Enqueue(ctx, "t", []byte("not json"), time.Time{}); !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("bad payload: %v", err)
		}
		// The instance change and its message commit together.
		var in store.Instance
		err := s.Tx(ctx, func(tx *store.Store) error {
			var err error
			if in, err = tx.CreateInstance(ctx, newInstance(1, "ttd", "ttd/a"), store.Idempotency{}); err != nil {
				return err
			}
			_, err = tx.Enqueue(ctx, "instance.created", []byte(`{"id":"`+in.GUID+`"}`), time.Time{})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		later, _ := s.Enqueue(ctx, "later", []byte(`{}`), clock.Now().Add(time.Hour))

		got, err := s.Claim(ctx, 10, "w1", time.Minute)
		if err != nil || len(got) != 1 || got[0].Topic != "instance.created" || got[0].Attempts != 1 {
			t.Fatalf("Claim = %+v, %v", got, err)
		}
		m := got[0]
		if again, _ := s.Claim(ctx, 10, "w2", time.Minute); len(again) != 0 {
			t.Fatalf("leased message claimed again: %+v", again)
		}
		// The lease runs out: another worker takes over, the first loses its lease.
		clock.Advance(2 * time.Minute)
		if again, _ := s.Claim(ctx, 10, "w2", time.Minute); len(again) != 1 || again[0].Attempts != 2 {
			t.Fatalf("expired lease not reclaimed: %+v", again)
		}
		if err := s.Complete(ctx, m.ID, "w1"); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("complete with lost lease: %v", err)
		}
		if _, err := s.Fail(ctx, m.ID, "w1", errors.New("x"), store.RetryPolicy{}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("fail with lost lease: %v", err)
		}
		// w2 fails it: it comes back after the backoff, not before.
		policy := store.RetryPolicy{MaxAttempts: 3, Base: 10 * time.Second, Max: time.Minute}
		failed, err := s.Fail(ctx, m.ID, "w2", errors.New("webhook 503"), policy)
		if err != nil || failed.Dead || failed.LastError != "webhook 503" {
			t.Fatalf("Fail = %+v, %v", failed, err)
		}
		if d := failed.AvailableAt.Sub(clock.Now()); d < 10*time.Second || d > 20*time.Second {
			t.Fatalf("backoff after attempt 2 = %v, want 10s..20s", d)
		}
		if again, _ := s.Claim(ctx, 10, "w3", time.Minute); len(again) != 0 {
			t.Fatalf("claimed during backoff: %+v", again)
		}
		clock.Advance(21 * time.Second)
		again, _ := s.Claim(ctx, 10, "w3", time.Minute)
		if len(again) != 1 || again[0].Attempts != 3 {
			t.Fatalf("after backoff: %+v", again)
		}
		dead, err := s.Fail(ctx, m.ID, "w3", errors.New("still 503"), policy)
		if err != nil || !dead.Dead {
			t.Fatalf("third failure not dead: %+v, %v", dead, err)
		}
		clock.Advance(2 * time.Hour)
		got, _ = s.Claim(ctx, 10, "w4", time.Minute)
		if len(got) != 1 || got[0].ID != later.ID {
			t.Fatalf("want only the delayed message, got %+v", got)
		}
		if err := s.Complete(ctx, later.ID, "w4"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Claim(ctx, 10, "w4", time.Minute); len(got) != 0 {
			t.Fatalf("done or dead message claimed: %+v", got)
		}
		if ds, _ := s.DeadMessages(ctx, 10); len(ds) != 1 || ds[0].ID != m.ID {
			t.Fatalf("DeadMessages = %+v", ds)
		}
		if err := s.Complete(ctx, 1<<40, "w4"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("complete unknown: %v", err)
		}
	})
}

func TestOutboxCompleteAll(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clock := &fakeClock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
		s := newStore(t, db, store.WithClock(clock.Now))
		ctx := context.Background()
		for i := range 5 {
			if _, err := s.Enqueue(ctx, "job", []byte(fmt.Sprintf(`{"n":%d}`, i)), time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CompleteAll(ctx, nil, "w1"); err != nil {
			t.Fatalf("complete none: %v", err)
		}
		got, err := s.Claim(ctx, 3, "w1", time.Minute)
		if err != nil || len(got) != 3 {
			t.Fatalf("Claim = %+v, %v", got, err)
		}
		if err := s.CompleteAll(ctx, []int64{got[0].ID, got[1].ID}, "w1"); err != nil {
			t.Fatal(err)
		}
		// The lease of the third runs out and w2 claims it with the other two.
		clock.Advance(2 * time.Minute)
		rest, err := s.Claim(ctx, 10, "w2", time.Minute)
		if err != nil || len(rest) != 3 || rest[0].ID != got[2].ID {
			t.Fatalf("after the lease ran out: %+v, %v", rest, err)
		}
		if err := s.CompleteAll(ctx, []int64{got[2].ID}, "w1"); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("complete with lost lease: %v", err)
		}
		if err := s.CompleteAll(ctx, []int64{rest[0].ID, 1 << 40}, "w2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("complete unknown: %v", err)
		}
		// Outside a transaction the others are done all the same: rest[0] just now.
		if err := s.CompleteAll(ctx, []int64{rest[0].ID, rest[1].ID, rest[2].ID}, "w2"); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("complete a message done already: %v", err)
		}
		clock.Advance(2 * time.Minute)
		if again, err := s.Claim(ctx, 10, "w3", time.Minute); err != nil || len(again) != 0 {
			t.Fatalf("done messages claimed again: %+v, %v", again, err)
		}
		// In a transaction a lost lease undoes the batch.
		m, _ := s.Enqueue(ctx, "job", []byte(`{}`), time.Time{})
		if c, err := s.Claim(ctx, 10, "w3", time.Minute); err != nil || len(c) != 1 {
			t.Fatalf("Claim = %+v, %v", c, err)
		}
		err = s.Tx(ctx, func(tx *store.Store) error { return tx.CompleteAll(ctx, []int64{m.ID, got[2].ID}, "w3") })
		if !errors.Is(err, store.ErrConflict) {
			t.Fatalf("batch with a lost lease: %v", err)
		}
		if err := s.CompleteAll(ctx, []int64{m.ID}, "w3"); err != nil {
			t.Fatalf("message of the rolled-back batch: %v", err)
		}
	})
}

func TestOutboxConcurrentClaimers(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		const total = 120
		err := s.Tx(ctx, func(tx *store.Store) error {
			for i := range total {
				if _, err := tx.Enqueue(ctx, "job", []byte(fmt.Sprintf(`{"n":%d}`, i)), time.Time{}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		seen := map[int64]string{}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for w := range 4 {
			worker := fmt.Sprintf("w%d", w)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					batch, err := s.Claim(ctx, 7, worker, time.Minute)
					if err != nil {
						errs <- err
						return
					}
					if len(batch) == 0 {
						return
					}
					for _, m := range batch {
						mu.Lock()
						if prev, dup := seen[m.ID]; dup {
							errs <- fmt.Errorf("message %d claimed by %s and %s", m.ID, prev, worker)
						}
						seen[m.ID] = worker
						mu.Unlock()
						if err := s.Complete(ctx, m.ID, worker); err != nil {
							errs <- err
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if len(seen) != total {
			t.Fatalf("%d of %d messages claimed", len(seen), total)
		}
	})
}

func TestRetryPolicyBackoff(t *testing.T) {
	p := store.RetryPolicy{Base: time.Second, Max: time.Minute}
	tests := []struct {
		attempt  int
		min, max time.Duration
	}{
		{1, 500 * time.Millisecond, time.Second},
		{2, time.Second, 2 * time.Second},
		{4, 4 * time.Second, 8 * time.Second},
		{7, 30 * time.Second, time.Minute}, // 64 s capped at 60 s
		{100, 30 * time.Second, time.Minute},
	}
	for _, tt := range tests {
		for range 50 {
			if d := p.Backoff(tt.attempt); d < tt.min || d > tt.max {
				t.Fatalf("Backoff(%d) = %v, want %v..%v", tt.attempt, d, tt.min, tt.max)
			}
		}
	}
}
