// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestGateOnPostgres: a store's one-round-trip batches on PostgreSQL — the
// session read with its instance, LoadInstance and a Writes change — wait at
// the database's gate (dbx.Gate), and plain queries and transactions do not.
// With the only slot of a gate of one taken, each batch gives up at its
// deadline while a transaction runs; once the slot is free they all run.
func TestGateOnPostgres(t *testing.T) {
	db := dbtest.Postgres(t, dbx.WithMaxActive(1))
	s := newStore(t, db)
	ctx := context.Background()
	token, p := newPersonSession(t, s, "kari")
	in := gateInstance(t, s, p.ID)
	batches := []struct {
		name string
		run  func(context.Context) error
	}{
		{"GetSessionWith", func(c context.Context) error {
			_, _, err := s.GetSessionWith(c, token, in.PartyID, in.GUID)
			return err
		}},
		{"LoadInstance", func(c context.Context) error { _, _, err := s.LoadInstance(c, in.PartyID, in.GUID); return err }},
		{"UpdateInstance", func(c context.Context) error {
			cur, err := s.GetInstance(c, in.PartyID, in.GUID) // a plain query: not through the gate
			if err != nil {
				return err
			}
			cur.CurrentTask = "Task_2"
			return updateBatched(c, s, &cur)
		}},
	}

	gate := db.Gate()
	if err := gate.Enter(ctx); err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		c, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		err := b.run(c)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(fmt.Sprint(err), "waiting for an active database slot") {
			t.Errorf("%s with the gate's slot taken: %v, want it to wait at the gate until its deadline", b.name, err)
		}
	}
	c, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.Tx(c, func(tx *store.Store) error {
		cur, err := tx.GetInstance(c, in.PartyID, in.GUID)
		if err != nil {
			return err
		}
		cur.LastChangedBy = "gate"
		return tx.UpdateInstance(c, &cur)
	}); err != nil {
		t.Fatalf("a transaction with the gate's slot taken: %v", err)
	}
	gate.Leave()
	for _, b := range batches {
		if err := b.run(ctx); err != nil {
			t.Errorf("%s with the gate free: %v", b.name, err)
		}
	}
}

// TestGateBatchWaitsForTransaction: a batch that holds the gate's only slot
// while PostgreSQL makes it wait for a transaction's row lock does not stop that
// transaction, whose next statements need no slot: the transaction commits and
// the batch then ends (here with ErrConflict, the row having changed under it).
func TestGateBatchWaitsForTransaction(t *testing.T) {
	db := dbtest.Postgres(t, dbx.WithMaxActive(1))
	s := newStore(t, db)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	in := gateInstance(t, s, 7)
	stale, err := s.GetInstance(ctx, in.PartyID, in.GUID)
	if err != nil {
		t.Fatal(err)
	}

	locked, release := make(chan struct{}), make(chan struct{})
	txDone := make(chan error, 1)
	go func() {
		txDone <- s.Tx(ctx, func(tx *store.Store) error {
			cur := stale
			cur.CurrentTask = "Task_2"
			if err := tx.UpdateInstance(ctx, &cur); err != nil { // holds the row's lock until commit
				return err
			}
			close(locked)
			<-release
			_, err := tx.GetInstance(ctx, in.PartyID, in.GUID)
			return err
		})
	}()
	<-locked
	batchDone := make(chan error, 1)
	go func() {
		cur := stale
		cur.CurrentTask = "Task_3"
		batchDone <- updateBatched(ctx, s, &cur)
	}()
	waitForLockWait(ctx, t, db)
	short, cancelShort := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancelShort()
	if err := db.Gate().Enter(short); err == nil {
		t.Fatal("the gate had a free slot while the batch waited for the row lock")
	}
	close(release)
	if err := <-txDone; err != nil {
		t.Fatalf("transaction: %v", err)
	}
	if err := <-batchDone; !errors.Is(err, store.ErrConflict) {
		t.Fatalf("batch after the transaction: %v, want ErrConflict", err)
	}
}

// updateBatched updates in through a Writes change: one batch on PostgreSQL.
func updateBatched(ctx context.Context, s *store.Store, in *store.Instance) error {
	w := s.Writes()
	w.UpdateInstance(in)
	return w.Commit(ctx)
}

// gateInstance makes an instance of party.
func gateInstance(t *testing.T, s *store.Store, party int64) store.Instance {
	t.Helper()
	in, err := s.CreateInstance(context.Background(), newInstance(party, "ttd", "ttd/gate"), store.Idempotency{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// waitForLockWait waits until a statement on db's database waits for a lock
// (other tests' databases on the same server do not count).
func waitForLockWait(ctx context.Context, t *testing.T, db *dbx.DB) {
	t.Helper()
	for {
		var n int
		if err := db.Gorm.WithContext(ctx).Raw("SELECT count(*) FROM pg_stat_activity" +
			" WHERE datname = current_database() AND wait_event_type = 'Lock'").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatal("no statement came to wait for the transaction's row lock")
		case <-time.After(5 * time.Millisecond):
		}
	}
}
