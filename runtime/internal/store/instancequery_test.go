// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// seedQuery creates 23 instances: three apps of two orgs, ties on last_changed (three
// rows per timestamp), timestamps with and without fractional seconds (text ordering
// on SQLite must still be chronological), some complete, some in Task_2.
func seedQuery(t *testing.T, s *store.Store) []store.Instance {
	t.Helper()
	ctx := context.Background()
	base := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	fracs := []time.Duration{0, 500 * time.Millisecond, 450 * time.Millisecond, time.Second, 1234 * time.Microsecond}
	var all []store.Instance
	for i := range 23 {
		org, app := "ttd", "ttd/a"
		switch i % 4 {
		case 1:
			app = "ttd/b"
		case 3:
			org, app = "skd", "skd/c"
		}
		in := newInstance(int64(100+i%5), org, app)
		in.Created = base.Add(time.Duration(i) * time.Minute)
		in.LastChanged = base.Add(time.Duration(i/3)*time.Hour + fracs[(i/3)%len(fracs)])
		in.IsComplete = i%2 == 0
		if i%5 == 0 {
			in.CurrentTask = "Task_2"
		}
		got, err := s.CreateInstance(ctx, in, store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got)
	}
	return all
}

// expect filters and orders all the way the query should.
func expect(all []store.Instance, keep func(store.Instance) bool, asc bool) []string {
	var rows []store.Instance
	for _, in := range all {
		if keep(in) {
			rows = append(rows, in)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		less := a.LastChanged.Before(b.LastChanged) || a.LastChanged.Equal(b.LastChanged) && a.ID < b.ID
		if asc {
			return less
		}
		return !less && a.ID != b.ID
	})
	var out []string
	for _, in := range rows {
		out = append(out, in.GUID)
	}
	return out
}

// pageAll follows continuation tokens to the end and returns the guids and page count.
func pageAll(t *testing.T, s *store.Store, q store.InstanceQuery) ([]string, int) {
	t.Helper()
	var out []string
	pages := 0
	for {
		p, err := s.QueryInstances(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, in := range p.Instances {
			out = append(out, in.GUID)
		}
		if p.ContinuationToken == "" {
			return out, pages
		}
		if len(p.Instances) != q.Size {
			t.Fatalf("page %d has %d rows and a token", pages, len(p.Instances))
		}
		q.ContinuationToken = p.ContinuationToken
		if pages > 50 {
			t.Fatal("paging does not end")
		}
	}
}

func TestQueryInstancesKeyset(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		all := seedQuery(t, s)
		// skd confirms two of the ttd instances; ttd confirms one of its own.
		for _, i := range []int{0, 2} {
			if err := s.ConfirmInstance(ctx, all[i].ID, "skd", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.ConfirmInstance(ctx, all[4].ID, "ttd", time.Now()); err != nil {
			t.Fatal(err)
		}
		yes, no := true, false
		cut := all[9].LastChanged // ties: rows 9, 10, 11 share it
		tests := []struct {
			name string
			q    store.InstanceQuery
			keep func(store.Instance) bool
		}{
			{"org", store.InstanceQuery{Org: "ttd"}, func(in store.Instance) bool { return in.Org == "ttd" }},
			{"app", store.InstanceQuery{AppID: "ttd/b"}, func(in store.Instance) bool { return in.AppID == "ttd/b" }},
			{"complete", store.InstanceQuery{Org: "ttd", IsComplete: &yes},
				func(in store.Instance) bool { return in.Org == "ttd" && in.IsComplete }},
			{"incomplete", store.InstanceQuery{Org: "ttd", IsComplete: &no},
				func(in store.Instance) bool { return in.Org == "ttd" && !in.IsComplete }},
			{"task", store.InstanceQuery{Org: "ttd", CurrentTask: "Task_2"},
				func(in store.Instance) bool { return in.Org == "ttd" && in.CurrentTask == "Task_2" }},
			{"lastChanged range", store.InstanceQuery{Org: "ttd", LastChanged: []store.DateFilter{
				{Op: store.OpGTE, Time: cut}, {Op: store.OpLT, Time: all[18].LastChanged}}},
				func(in store.Instance) bool {
					return in.Org == "ttd" && !in.LastChanged.Before(cut) && in.LastChanged.Before(all[18].LastChanged)
				}},
			{"lastChanged gt eq lte", store.InstanceQuery{Org: "ttd", LastChanged: []store.DateFilter{
				{Op: store.OpGT, Time: all[2].LastChanged}, {Op: store.OpLTE, Time: cut}}},
				func(in store.Instance) bool {
					return in.Org == "ttd" && in.LastChanged.After(all[2].LastChanged) && !in.LastChanged.After(cut)
				}},
			{"lastChanged eq", store.InstanceQuery{Org: "ttd", LastChanged: []store.DateFilter{{Op: store.OpEQ, Time: cut}}},
				func(in store.Instance) bool { return in.Org == "ttd" && in.LastChanged.Equal(cut) }},
			{"created", store.InstanceQuery{AppID: "ttd/a", Created: []store.DateFilter{{Op: store.OpGT, Time: all[8].Created}}},
				func(in store.Instance) bool { return in.AppID == "ttd/a" && in.Created.After(all[8].Created) }},
			{"excludeConfirmedBy other", store.InstanceQuery{Org: "ttd", ExcludeConfirmedBy: "skd"},
				func(in store.Instance) bool { return in.Org == "ttd" && in.ID != all[0].ID && in.ID != all[2].ID }},
			{"excludeConfirmedBy self", store.InstanceQuery{Org: "ttd", ExcludeConfirmedBy: "ttd"},
				func(in store.Instance) bool { return in.Org == "ttd" && in.ID != all[4].ID }},
			{"parties", store.InstanceQuery{Org: "ttd", PartyIDs: []int64{100, 101}},
				func(in store.Instance) bool { return in.Org == "ttd" && in.PartyID <= 101 }},
		}
		for _, tt := range tests {
			for _, asc := range []bool{false, true} {
				for _, size := range []int{2, 3, 100} {
					q := tt.q
					q.Size, q.Ascending = size, asc
					want := expect(all, tt.keep, asc)
					got, pages := pageAll(t, s, q)
					if !slices.Equal(got, want) {
						t.Errorf("%s asc=%v size=%d:\n got %v\nwant %v", tt.name, asc, size, got, want)
					}
					if size == 2 && tt.name == "org" && pages <= 2 {
						t.Errorf("org query made %d pages, want >2", pages)
					}
				}
			}
		}
	})
}

func TestQueryInstancesBadInput(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		for _, q := range []store.InstanceQuery{
			{Org: "ttd", ContinuationToken: "!!"},
			{Org: "ttd", ContinuationToken: "bm90O2FudW1iZXI"}, // "not;anumber"
			{Org: "ttd", LastChanged: []store.DateFilter{{Op: "ne"}}},
		} {
			if _, err := s.QueryInstances(ctx, q); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%+v: %v, want ErrInvalid", q, err)
			}
		}
	})
}

func TestParseDateFilter(t *testing.T) {
	day := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		want    store.DateFilter
		wantErr bool
	}{
		{"gt:2024-01-02", store.DateFilter{Op: store.OpGT, Time: day}, false},
		{"lte:2024-01-02T00:00:00Z", store.DateFilter{Op: store.OpLTE, Time: day}, false},
		{"2024-01-02T01:00:00+01:00", store.DateFilter{Op: store.OpEQ, Time: day}, false},
		{"2024-01-02T00:00:00", store.DateFilter{Op: store.OpEQ, Time: day}, false},
		{"2024-01-02T01:00:00+0100", store.DateFilter{Op: store.OpEQ, Time: day}, false},
		{"gte:2024-01-02T00:00", store.DateFilter{Op: store.OpGTE, Time: day}, false},
		{"2024-01-02T01:00+01:00", store.DateFilter{Op: store.OpEQ, Time: day}, false},
		{"lt:2024-01-02T00:00:00.0000000Z", store.DateFilter{Op: store.OpLT, Time: day}, false},
		{"gt:yesterday", store.DateFilter{}, true},
		{"2024-01-02 00:00:00", store.DateFilter{}, true},
		{"xx:2024-01-02", store.DateFilter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := store.ParseDateFilter(tt.in)
			if (err != nil) != tt.wantErr || got.Op != tt.want.Op || !got.Time.Equal(tt.want.Time) {
				t.Fatalf("= %+v, %v; want %+v (err %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestDateFilterFinerThanStored: stored times have microseconds; a filter
// time with a finer part (.NET writes seven digits) answers as the exact
// comparison would, not as its truncation.
func TestDateFilterFinerThanStored(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		in := newInstance(700, "ttd", "ttd/fine")
		in.LastChanged = at
		if _, err := s.CreateInstance(ctx, in, store.Idempotency{}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			expr string
			want int
		}{
			{"eq:2025-03-01T12:00:00.0000009Z", 0},
			{"eq:2025-03-01T12:00:00Z", 1},
			{"lt:2025-03-01T12:00:00.0000009Z", 1},
			{"lt:2025-03-01T12:00:00Z", 0},
			{"lte:2025-03-01T11:59:59.9999999Z", 0},
			{"gte:2025-03-01T11:59:59.9999999Z", 1},
			{"gte:2025-03-01T12:00:00.0000001Z", 0},
			{"gt:2025-03-01T11:59:59.9999999Z", 1},
			{"gt:2025-03-01T12:00:00.0000001Z", 0},
		} {
			f, err := store.ParseDateFilter(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			page, err := s.QueryInstances(ctx, store.InstanceQuery{AppID: "ttd/fine", LastChanged: []store.DateFilter{f}, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Instances) != tt.want {
				t.Errorf("%s: %d instances, want %d", tt.expr, len(page.Instances), tt.want)
			}
		}
	})
}
