// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/store"
)

// migrated applies the runtime role's real migration set to db.
func migrated(t *testing.T, db *dbx.DB) {
	t.Helper()
	if _, err := db.Migrate(context.Background(), runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}

// newStore returns a Store on a freshly migrated db.
func newStore(t *testing.T, db *dbx.DB, opts ...store.Option) *store.Store {
	t.Helper()
	migrated(t, db)
	return store.New(db, opts...)
}

// rowModels lists every current row struct; the drift test checks them all.
func rowModels() []any {
	return []any{&store.Instance{}, &store.InstanceConfirmation{}, &store.DataElement{}, &store.InstanceEvent{},
		&store.Party{}, &store.User{}, &store.RoleAssignment{}, &store.MachineClient{}, &store.Session{}, &store.OutboxMessage{},
		&store.CloudEvent{}, &store.Subscription{}}
}

func TestNoDrift(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		migrated(t, db)
		if err := dbx.CheckDrift(db.Gorm, rowModels()...); err != nil {
			t.Fatal(err)
		}
		if n, err := db.Pending(context.Background(), runtime.New(runtime.Config{}).Migrations()); err != nil || n != 0 {
			t.Fatalf("Pending = %d, %v", n, err)
		}
	})
}

func TestTxRollsBack(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		boom := errors.New("boom")
		var guid string
		err := s.Tx(ctx, func(tx *store.Store) error {
			in, err := tx.CreateInstance(ctx, newInstance(1, "ttd", "ttd/a"), store.Idempotency{})
			if err != nil {
				return err
			}
			guid = in.GUID
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Tx = %v, want boom", err)
		}
		if _, err := s.GetInstance(ctx, 1, guid); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("instance survived rollback: %v", err)
		}
	})
}
