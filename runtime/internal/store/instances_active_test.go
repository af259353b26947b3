// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestListActiveInstances(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		type row struct {
			party         int64
			app           string
			archived, del bool
			age           time.Duration
		}
		rows := []row{
			{7, "ttd/a", false, false, 2 * time.Hour}, // active, older
			{7, "ttd/a", false, false, time.Hour},     // active, newer
			{7, "ttd/a", true, false, 0},              // archived
			{7, "ttd/a", false, true, 0},              // soft-deleted
			{7, "ttd/b", false, false, 0},             // another app
			{8, "ttd/a", false, false, 0},             // another party
		}
		var guids []string
		for _, r := range rows {
			in := newInstance(r.party, "ttd", r.app)
			in.IsArchived, in.IsSoftDeleted = r.archived, r.del
			in.Created = now.Add(-r.age)
			got, err := s.CreateInstance(ctx, in, store.Idempotency{})
			if err != nil {
				t.Fatal(err)
			}
			guids = append(guids, got.GUID)
		}
		got, err := s.ListActiveInstances(ctx, "ttd/a", 7, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].GUID != guids[1] || got[1].GUID != guids[0] {
			t.Fatalf("active = %d rows %v, want [%s %s]", len(got), got, guids[1], guids[0])
		}
		if got, _ := s.ListActiveInstances(ctx, "ttd/a", 7, 1); len(got) != 1 {
			t.Fatalf("limit 1 gave %d rows", len(got))
		}
	})
}
