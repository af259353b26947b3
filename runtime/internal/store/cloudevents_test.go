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

func TestCloudEvents(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		t0 := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
		var evs []store.CloudEvent
		for i, e := range []struct {
			app, typ string
			party    int64
		}{{"a", "app.instance.created", 1}, {"a", "app.instance.process.completed", 1}, {"b", "app.instance.created", 1},
			{"a", "app.instance.created", 2}, {"a", "app.instance.created", 1}} {
			got, err := s.AppendCloudEvents(ctx, []store.CloudEvent{{EventID: uuid.NewString(), Type: e.typ, Org: "ttd", App: e.app,
				PartyID: e.party, InstanceGUID: uuid.NewString(), Time: t0.Add(time.Duration(i) * time.Minute), Document: `{}`}})
			if err != nil {
				t.Fatal(err)
			}
			evs = append(evs, got[0])
		}
		if _, err := s.AppendCloudEvents(ctx, []store.CloudEvent{{EventID: evs[0].EventID, Document: `{}`}}); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate event id: %v", err)
		}
		ids := func(list []store.CloudEvent) []int64 {
			out := []int64{}
			for _, e := range list {
				out = append(out, e.ID)
			}
			return out
		}
		tests := []struct {
			name string
			q    store.CloudEventQuery
			want []int64
		}{
			{"all of the app", store.CloudEventQuery{}, []int64{evs[0].ID, evs[1].ID, evs[3].ID, evs[4].ID}},
			{"limit", store.CloudEventQuery{Limit: 2}, []int64{evs[0].ID, evs[1].ID}},
			{"after", store.CloudEventQuery{After: evs[1].EventID}, []int64{evs[3].ID, evs[4].ID}},
			{"from", store.CloudEventQuery{From: t0.Add(3 * time.Minute)}, []int64{evs[3].ID, evs[4].ID}},
			{"type", store.CloudEventQuery{Types: []string{"app.instance.process.completed"}}, []int64{evs[1].ID}},
			{"party", store.CloudEventQuery{PartyID: 2}, []int64{evs[3].ID}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.q.Org, tt.q.App = "ttd", "a"
				if tt.q.Limit == 0 {
					tt.q.Limit = 50
				}
				got, err := s.ListCloudEvents(ctx, tt.q)
				if err != nil || !slices.Equal(ids(got), tt.want) {
					t.Fatalf("got %v, %v; want %v", ids(got), err, tt.want)
				}
			})
		}
		// A cursor of another app, or unknown, is the caller's mistake.
		for _, after := range []string{evs[2].EventID, uuid.NewString()} {
			if _, err := s.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", After: after, Limit: 5}); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("after %s: %v, want ErrInvalid", after, err)
			}
		}
		got, err := s.CloudEventsByID(ctx, []int64{evs[4].ID, evs[0].ID, 1 << 40})
		if err != nil || !slices.Equal(ids(got), []int64{evs[0].ID, evs[4].ID}) || !got[0].Time.Equal(t0) {
			t.Fatalf("CloudEventsByID = %+v, %v", got, err)
		}
		if one, err := s.GetCloudEvent(ctx, evs[2].ID); err != nil || one.App != "b" {
			t.Fatalf("GetCloudEvent = %+v, %v", one, err)
		}
	})
}

// TestCloudEventTypePrefixes: a type prefix matches the start of the type exactly
// on both engines: case-sensitively, with _ and % as plain characters.
func TestCloudEventTypePrefixes(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		types := []string{"app.instance.created", "app.instance.process.movedTo.Task_1", "app.instance.process.completed",
			"x_y.a", "xAy.a", "x%.a", "xabc.a", "App.instance.created", "app.instance"}
		rows := make([]store.CloudEvent, len(types))
		for i, typ := range types {
			rows[i] = store.CloudEvent{EventID: uuid.NewString(), Type: typ, Org: "ttd", App: "a", Time: time.Now(), Document: `{}`}
		}
		if _, err := s.AppendCloudEvents(ctx, rows); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name     string
			types    []string
			prefixes []string
			want     []string
		}{
			{"none", nil, nil, types},
			{"prefix", nil, []string{"app.instance.process."}, types[1:3]},
			{"case", nil, []string{"app.instance."}, types[:3]},
			{"underscore", nil, []string{"x_y."}, []string{"x_y.a"}},
			{"percent", nil, []string{"x%."}, []string{"x%.a"}},
			{"types or prefixes", []string{"app.instance.created", "xAy.a"}, []string{"x_y.", "App."},
				[]string{"app.instance.created", "x_y.a", "xAy.a", "App.instance.created"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", Types: tt.types, TypePrefixes: tt.prefixes, Limit: 50})
				if err != nil {
					t.Fatal(err)
				}
				var list []string
				for _, e := range got {
					list = append(list, e.Type)
				}
				if !slices.Equal(list, tt.want) {
					t.Fatalf("got %v, want %v", list, tt.want)
				}
			})
		}
	})
}
