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
)

func TestInstanceEvents(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		base := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
		var in store.Instance
		err := s.Tx(ctx, func(tx *store.Store) error {
			var err error
			if in, err = tx.CreateInstance(ctx, newInstance(5, "ttd", "ttd/a"), store.Idempotency{}); err != nil {
				return err
			}
			for i, typ := range []string{"Created", "process_StartTask", "Saved", "Saved"} {
				if _, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: in.GUID, PartyID: 5, EventType: typ,
					Created: base.Add(time.Duration(i) * time.Minute), User: `{"userId":1337}`}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			f    store.EventFilter
			want []string
		}{
			{"all", store.EventFilter{}, []string{"Created", "process_StartTask", "Saved", "Saved"}},
			{"types", store.EventFilter{Types: []string{"Saved"}}, []string{"Saved", "Saved"}},
			{"window", store.EventFilter{From: base.Add(time.Minute), To: base.Add(3 * time.Minute)}, []string{"process_StartTask", "Saved"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.ListEvents(ctx, in.GUID, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var types []string
				for _, e := range got {
					types = append(types, e.EventType)
					if e.ProcessInfo != "{}" || e.User != `{"userId":1337}` || e.ID == "" {
						t.Errorf("event %+v", e)
					}
				}
				if len(types) != len(tt.want) {
					t.Fatalf("types %v, want %v", types, tt.want)
				}
				for i := range types {
					if types[i] != tt.want[i] {
						t.Fatalf("types %v, want %v", types, tt.want)
					}
				}
			})
		}
		// An event whose transaction fails is not recorded.
		boom := errors.New("boom")
		_ = s.Tx(ctx, func(tx *store.Store) error {
			_, _ = tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: in.GUID, EventType: "Deleted"})
			return boom
		})
		if got, _ := s.ListEvents(ctx, in.GUID, store.EventFilter{Types: []string{"Deleted"}}); len(got) != 0 {
			t.Fatalf("rolled-back event recorded: %v", got)
		}
	})
}

// TestInstanceEventsWriteOrder: events of one instant come back in the order they
// were written, whether one INSERT wrote them (an instantiation's Created,
// process_StartEvent, process_StartTask) or several did. Their ids are random, so
// ordering by (created, id) shuffles them.
func TestInstanceEventsWriteOrder(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		at := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
		s := newStore(t, db, store.WithClock(func() time.Time { return at }))
		ctx := context.Background()
		guid := "6b1c4a9e-0000-4000-8000-000000000001"
		batch := []string{"Created", "process_StartEvent", "process_StartTask"}
		steps := []string{"process_EndTask", "process_StartTask", "process_EndTask", "process_StartTask", "process_EndTask", "process_EndEvent"}
		err := s.Tx(ctx, func(tx *store.Store) error {
			es := make([]store.InstanceEvent, len(batch))
			for i, typ := range batch {
				es[i] = store.InstanceEvent{InstanceGUID: guid, PartyID: 5, EventType: typ}
			}
			if err := tx.AppendEvents(ctx, es); err != nil {
				return err
			}
			for _, typ := range steps {
				if _, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: guid, PartyID: 5, EventType: typ}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.ListEvents(ctx, guid, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var types []string
		for _, e := range got {
			types = append(types, e.EventType)
		}
		if want := append(batch, steps...); !slices.Equal(types, want) {
			t.Fatalf("events listed as\n%v, written as\n%v", types, want)
		}
	})
}
