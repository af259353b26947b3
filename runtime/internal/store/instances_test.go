// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

func newInstance(party int64, org, app string) store.Instance {
	return store.Instance{
		GUID: uuid.NewString(), PartyID: party, Org: org, AppID: app, AppVersion: "v1",
		CurrentTask: "Task_1", CreatedBy: "1337", Document: `{"appId":"` + app + `"}`,
	}
}

func TestInstanceCreateGet(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(500, "ttd", "ttd/app"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		if in.ID == 0 || in.Version != 1 || in.Created.IsZero() || in.LastChangedBy != "1337" {
			t.Fatalf("created row = %+v", in)
		}
		got, err := s.GetInstance(ctx, 500, in.GUID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Created.Equal(in.Created) || got.Document != in.Document || got.AppVersion != "v1" {
			t.Fatalf("Get = %+v, want %+v", got, in)
		}
		if _, err := s.GetInstance(ctx, 501, in.GUID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("other party: %v, want ErrNotFound", err)
		}
		dup := newInstance(500, "ttd", "ttd/app")
		dup.GUID = in.GUID
		if _, err := s.CreateInstance(ctx, dup, store.Idempotency{}); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate guid: %v, want ErrDuplicate", err)
		}
	})
}

func TestInstanceIdempotency(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		key := store.Idempotency{Key: "k1", RequestHash: "h1"}
		first, err := s.CreateInstance(ctx, newInstance(1, "ttd", "ttd/a"), key)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name    string
			idem    store.Idempotency
			by      string
			wantErr error
			same    bool
		}{
			{"same key same request", key, "1337", nil, true},
			{"same key other request", store.Idempotency{Key: "k1", RequestHash: "h2"}, "1337", store.ErrConflict, false},
			{"same key other caller", key, "42", nil, false},
			{"no key", store.Idempotency{}, "1337", nil, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := newInstance(1, "ttd", "ttd/a")
				in.CreatedBy = tt.by
				got, err := s.CreateInstance(ctx, in, tt.idem)
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if err == nil && (got.GUID == first.GUID) != tt.same {
					t.Fatalf("got guid %s, first %s, want same=%v", got.GUID, first.GUID, tt.same)
				}
			})
		}
	})
}

func TestInstanceUpdateCompareAndSwap(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(7, "ttd", "ttd/a"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		stale := in
		in.CurrentTask, in.Document, in.LastChangedBy = "Task_2", `{"v":2}`, "99"
		if err := s.UpdateInstance(ctx, &in); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetInstance(ctx, 7, in.GUID)
		if got.Version != 2 || got.CurrentTask != "Task_2" || got.Document != `{"v":2}` || got.LastChangedBy != "99" {
			t.Fatalf("after update: %+v", got)
		}
		if err := s.UpdateInstance(ctx, &stale); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale update: %v, want ErrConflict", err)
		}
		missing := store.Instance{ID: 1 << 40, Version: 1}
		if err := s.UpdateInstance(ctx, &missing); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing: %v, want ErrNotFound", err)
		}
	})
}

func TestInstanceConcurrentUpdatesOneWins(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(7, "ttd", "ttd/a"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mine := in
				mine.CurrentTask = "Task_" + string(rune('A'+i))
				<-start
				errs[i] = s.Tx(ctx, func(tx *store.Store) error { return tx.UpdateInstance(ctx, &mine) })
			}()
		}
		close(start)
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, store.ErrConflict):
				t.Errorf("unexpected error: %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("%d updates won, want exactly 1 (%v)", wins, errs)
		}
		if got, _ := s.GetInstance(ctx, 7, in.GUID); got.Version != 2 {
			t.Fatalf("version = %d, want 2", got.Version)
		}
	})
}

func TestListPartyInstances(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		now := time.Now()
		mk := func(archived, deleted bool) string {
			in := newInstance(3, "ttd", "ttd/a")
			in.IsArchived, in.IsSoftDeleted = archived, deleted
			if archived {
				in.ArchivedAt = &now
			}
			in, err := s.CreateInstance(ctx, in, store.Idempotency{})
			if err != nil {
				t.Fatal(err)
			}
			return in.GUID
		}
		active, archived, deleted := mk(false, false), mk(true, false), mk(true, true)
		_, _ = s.CreateInstance(ctx, newInstance(4, "ttd", "ttd/a"), store.Idempotency{})
		for _, tt := range []struct {
			state store.PartyListState
			want  string
		}{{store.Active, active}, {store.Archived, archived}, {store.SoftDeleted, deleted}} {
			got, err := s.ListPartyInstances(ctx, 3, tt.state, 0)
			if err != nil || len(got) != 1 || got[0].GUID != tt.want {
				t.Errorf("state %d: %v, %v; want only %s", tt.state, got, err, tt.want)
			}
		}
	})
}

func TestDeleteInstanceCascadesConfirmations(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, _ := s.CreateInstance(ctx, newInstance(3, "ttd", "ttd/a"), store.Idempotency{})
		for range 2 {
			if err := s.ConfirmInstance(ctx, in.ID, "ttd", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := s.GetInstance(ctx, 3, in.GUID); !got.Confirmed {
			t.Fatal("Confirmed not set by the owning org's confirmation")
		}
		if err := s.DeleteInstance(ctx, in.ID); err != nil {
			t.Fatal(err)
		}
		var n int64
		db.Gorm.Model(&store.InstanceConfirmation{}).Count(&n)
		if n != 0 {
			t.Fatalf("%d confirmations left after delete", n)
		}
		if err := s.DeleteInstance(ctx, in.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
	})
}

// TestInstanceIdempotentCreateFailsAlone: inside a transaction, a create with an
// idempotency key that fails on a unique index (here a guid already taken) is
// ErrDuplicate and leaves the transaction usable: on PostgreSQL the failed
// statement would otherwise abort it, and the savepoint around the insert is what
// lets the change go on and commit.
func TestInstanceIdempotentCreateFailsAlone(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		taken, err := s.CreateInstance(ctx, newInstance(3, "ttd", "ttd/a"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		var after store.Instance
		err = s.Tx(ctx, func(tx *store.Store) error {
			dup := newInstance(3, "ttd", "ttd/a")
			dup.GUID = taken.GUID
			if _, err := tx.CreateInstance(ctx, dup, store.Idempotency{Key: "k-dup", RequestHash: "h"}); !errors.Is(err, store.ErrDuplicate) {
				t.Errorf("create with a taken guid: %v, want ErrDuplicate", err)
			}
			after, err = tx.CreateInstance(ctx, newInstance(3, "ttd", "ttd/a"), store.Idempotency{Key: "k-next", RequestHash: "h"})
			return err
		})
		if err != nil {
			t.Fatalf("the transaction after the failed create: %v", err)
		}
		if got, err := s.GetInstance(ctx, 3, after.GUID); err != nil || got.ID != after.ID {
			t.Fatalf("the instance created after the failure: %+v, %v", got, err)
		}
	})
}

func TestNextChange(t *testing.T) {
	base := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	for _, tt := range []struct {
		name      string
		prev, now time.Time
		want      time.Time
	}{
		{"clock ahead of the stored value", base, base.Add(time.Second), base.Add(time.Second)},
		{"clock behind the stored value", base, base.Add(-time.Second), base.Add(time.Microsecond)},
		{"the same microsecond", base, base.Add(400 * time.Nanosecond), base.Add(time.Microsecond)},
		{"never stored", time.Time{}, base, base},
	} {
		if got := store.NextChange(tt.prev, tt.now); !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
