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
