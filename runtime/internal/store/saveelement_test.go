// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestSaveElement: a save writes the instance row, the element row and the
// event together, or none of them: a stale instance version writes nothing,
// and a locked element leaves the instance row as it was (on PostgreSQL the
// three go as one pipelined batch, whose implicit transaction this checks).
func TestSaveElement(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(800, "ttd", "ttd/save"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		el, err := s.CreateDataElement(ctx, newElement(in, "model"))
		if err != nil {
			t.Fatal(err)
		}
		events := func() int {
			evs, err := s.ListEvents(ctx, in.GUID, store.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return len(evs)
		}
		save := func(row store.Instance, sha string) (store.Instance, error) {
			d := el
			d.SHA256, d.Document = sha, `{"v":"`+sha+`"}`
			row.Document = `{"saved":"` + sha + `"}`
			err := s.SaveElement(ctx, &row, &d, store.InstanceEvent{InstanceGUID: in.GUID, PartyID: 800, EventType: "Saved", DataID: el.GUID})
			return row, err
		}

		saved, err := save(in, "aa")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetInstance(ctx, 800, in.GUID)
		gotEl, _ := s.GetDataElement(ctx, in.GUID, el.GUID)
		if saved.Version != in.Version+1 || got.Version != saved.Version || got.Document != `{"saved":"aa"}` || gotEl.SHA256 != "aa" || events() != 1 {
			t.Fatalf("after a save: row %+v, element %q, %d events", got, gotEl.SHA256, events())
		}

		// A stale version (in, as read before the save) writes nothing.
		if _, err := save(in, "bb"); !errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrElementUnchanged) {
			t.Fatalf("stale save: %v, want ErrConflict", err)
		}
		gotEl, _ = s.GetDataElement(ctx, in.GUID, el.GUID)
		if gotEl.SHA256 != "aa" || events() != 1 {
			t.Fatalf("a stale save wrote the element (%q) or an event (%d)", gotEl.SHA256, events())
		}

		// A locked element: nothing written, the instance row included.
		if err := s.LockDataElement(ctx, &gotEl, true); err != nil {
			t.Fatal(err)
		}
		_, err = save(saved, "cc")
		var ue *store.ElementUnchangedError
		if !errors.Is(err, store.ErrElementUnchanged) || !errors.Is(err, store.ErrConflict) || !errors.As(err, &ue) || ue.GUID != el.GUID {
			t.Fatalf("save of a locked element: %v, want ErrElementUnchanged and ErrConflict naming %s", err, el.GUID)
		}
		got, _ = s.GetInstance(ctx, 800, in.GUID)
		if got.Version != saved.Version || got.Document != `{"saved":"aa"}` || events() != 1 {
			t.Fatalf("a refused save wrote the instance row (version %d, %s) or an event (%d)", got.Version, got.Document, events())
		}
	})
}
