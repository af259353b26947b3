// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestWritesCreate: one change creates an instance, an element of it whose
// instance id is not known yet, its events and an outbox message; after
// Commit the instance and the element carry the id the row got.
func TestWritesCreate(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in := newInstance(810, "ttd", "ttd/writes")
		el := newElement(in, "model") // InstanceID 0: the instance this change creates
		w := s.Writes()
		w.CreateInstance(&in, store.Idempotency{Key: "k", RequestHash: "h"})
		w.CreateDataElement(&el)
		w.WriteEvents(store.EventWrite{Audit: []store.InstanceEvent{{InstanceGUID: in.GUID, PartyID: 810, EventType: "Created"}},
			Cloud: []store.CloudEvent{{EventID: "e1", Type: "app.instance.created", Org: "ttd", App: "writes", InstanceGUID: in.GUID,
				PartyID: 810, Time: time.Now(), Document: "{}"}}, Topic: "event"})
		w.Enqueue("pdf", in.GUID, []byte(`{"guid":"`+in.GUID+`"}`))
		if err := w.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if in.ID == 0 || el.InstanceID != in.ID {
			t.Fatalf("after Commit: instance id %d, element's instance id %d", in.ID, el.InstanceID)
		}
		got, err := s.GetInstance(ctx, 810, in.GUID)
		if err != nil || got.ID != in.ID || got.Version != 1 || got.IdempotencyKey == nil || *got.IdempotencyKey != "k" {
			t.Fatalf("stored instance %+v, %v", got, err)
		}
		els, err := s.ListDataElements(ctx, in.ID)
		if err != nil || len(els) != 1 || els[0].GUID != el.GUID || !els[0].Created.Equal(el.Created) {
			t.Fatalf("stored elements %+v, %v; want %s created %v", els, err, el.GUID, el.Created)
		}
		if n := countEvents(t, s, in.GUID); n != 1 {
			t.Errorf("%d audit events, want 1", n)
		}
		if pending, err := s.HasPending(ctx, in.GUID, "pdf"); err != nil || !pending {
			t.Errorf("pdf message pending: %v, %v", pending, err)
		}

		// The same key again: the change fails on the key, and writes nothing.
		again := newInstance(810, "ttd", "ttd/writes")
		w = s.Writes()
		w.CreateInstance(&again, store.Idempotency{Key: "k", RequestHash: "h"})
		w.WriteEvents(store.EventWrite{Audit: []store.InstanceEvent{{InstanceGUID: again.GUID, PartyID: 810, EventType: "Created"}}})
		if err := w.Commit(ctx); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("second use of the key: %v, want ErrDuplicate", err)
		}
		if _, err := s.GetInstance(ctx, 810, again.GUID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the refused instance was stored: %v", err)
		}
		if n := countEvents(t, s, again.GUID); n != 0 {
			t.Errorf("the refused change wrote %d events", n)
		}
	})
}

// TestWritesAllOrNothing: a change whose step changes no row (a stale
// instance, a missing element) fails with that step's reason and leaves
// every row as it was, the steps before it included; a change that succeeds
// moves the instance's version on.
func TestWritesAllOrNothing(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(811, "ttd", "ttd/writes"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		el, err := s.CreateDataElement(ctx, newElement(in, "model"))
		if err != nil {
			t.Fatal(err)
		}
		gone := newElement(in, "model") // never stored
		change := func(row store.Instance, lock ...*store.DataElement) (store.Instance, error) {
			row.Document = fmt.Sprintf(`{"v":%d}`, row.Version)
			w := s.Writes()
			w.UpdateInstance(&row)
			for _, d := range lock {
				w.LockDataElement(d, true)
			}
			w.WriteEvents(store.EventWrite{Audit: []store.InstanceEvent{{InstanceGUID: in.GUID, PartyID: 811, EventType: "Step"}}})
			return row, w.Commit(ctx)
		}
		for _, tc := range []struct {
			name string
			run  func() error
			want error
		}{
			{"missing element", func() error { _, err := change(in, &el, &gone); return err }, store.ErrNotFound},
			{"stale version", func() error {
				stale := in
				stale.Version--
				_, err := change(stale, &el)
				return err
			}, store.ErrConflict},
		} {
			if err := tc.run(); !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
			got, _ := s.GetInstance(ctx, 811, in.GUID)
			gotEl, _ := s.GetDataElement(ctx, in.GUID, el.GUID)
			if got.Version != in.Version || got.Document != in.Document || gotEl.Locked || countEvents(t, s, in.GUID) != 0 {
				t.Errorf("%s wrote: version %d, document %s, element locked %v, %d events",
					tc.name, got.Version, got.Document, gotEl.Locked, countEvents(t, s, in.GUID))
			}
		}

		el2 := el
		row, err := change(in, &el2)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetInstance(ctx, 811, in.GUID)
		gotEl, _ := s.GetDataElement(ctx, in.GUID, el.GUID)
		if row.Version != in.Version+1 || got.Version != row.Version || !got.LastChanged.Equal(row.LastChanged) ||
			!gotEl.Locked || !el2.Locked || countEvents(t, s, in.GUID) != 1 {
			t.Errorf("after a change: row %d/%d (stored %d), element locked %v (given %v), %d events",
				row.Version, in.Version+1, got.Version, gotEl.Locked, el2.Locked, countEvents(t, s, in.GUID))
		}
	})
}

func countEvents(t *testing.T, s *store.Store, guid string) int {
	t.Helper()
	evs, err := s.ListEvents(context.Background(), guid, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

// TestWritesRefusals: a step that cannot be done fails the whole change, on
// the server, so nothing of it is written: an element of an instance that is
// not there (ErrNotFound), a payload that is not JSON (ErrInvalid). Values
// changed after a method was called are not written: the method took them.
func TestWritesRefusals(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(812, "ttd", "ttd/writes"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			add  func(w *store.Writes)
			want error
		}{
			{"element of a missing instance", func(w *store.Writes) {
				el := newElement(newInstance(812, "ttd", "ttd/writes"), "model") // its instance is never stored
				el.InstanceID = 0
				w.CreateDataElement(&el)
			}, store.ErrNotFound},
			{"payload not JSON", func(w *store.Writes) { w.Enqueue("pdf", in.GUID, []byte("not json")) }, store.ErrInvalid},
		} {
			row := in
			row.Document = `{"changed":true}`
			w := s.Writes()
			w.UpdateInstance(&row)
			tc.add(w)
			w.WriteEvents(store.EventWrite{Audit: []store.InstanceEvent{{InstanceGUID: in.GUID, PartyID: 812, EventType: "Step"}}})
			if err := w.Commit(ctx); !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
			got, _ := s.GetInstance(ctx, 812, in.GUID)
			if got.Version != in.Version || row.Version != in.Version || countEvents(t, s, in.GUID) != 0 {
				t.Errorf("%s: the refused change wrote: version %d (given %d, was %d), %d events",
					tc.name, got.Version, row.Version, in.Version, countEvents(t, s, in.GUID))
			}
		}

		row := in
		row.Document = `{"a":1}`
		w := s.Writes()
		w.UpdateInstance(&row)
		row.Document = `{"b":2}`
		if err := w.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetInstance(ctx, 812, in.GUID); got.Document != `{"a":1}` || row.Version != in.Version+1 {
			t.Errorf("stored %s (version given back %d), want the document at the call and version %d", got.Document, row.Version, in.Version+1)
		}
	})
}

// TestWritesInsideTx: a change committed inside Tx runs in a savepoint, so
// that its failure on a unique index leaves the outer transaction usable (it
// can read the row that won).
func TestWritesInsideTx(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		idem := store.Idempotency{Key: "k", RequestHash: "h"}
		first, err := s.CreateInstance(ctx, newInstance(814, "ttd", "ttd/writes"), idem)
		if err != nil {
			t.Fatal(err)
		}
		err = s.Tx(ctx, func(tx *store.Store) error {
			dup := newInstance(814, "ttd", "ttd/writes")
			w := tx.Writes()
			w.CreateInstance(&dup, idem)
			if err := w.Commit(ctx); !errors.Is(err, store.ErrDuplicate) {
				t.Errorf("second use of the key inside Tx: %v, want ErrDuplicate", err)
			}
			got, err := tx.InstanceByIdempotency(ctx, dup.CreatedBy, idem)
			if err == nil && got.GUID != first.GUID {
				t.Errorf("read instance %s, want %s", got.GUID, first.GUID)
			}
			return err
		})
		if err != nil {
			t.Errorf("outer transaction: %v", err)
		}
	})
}
