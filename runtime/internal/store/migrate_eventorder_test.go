// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/store"
)

// migratedTo applies the runtime's migrations up to and including version, and
// those of other packages (apphost's 100), as a database made by an older release.
func migratedTo(t *testing.T, db *dbx.DB, version int64) {
	t.Helper()
	set := runtime.New(runtime.Config{}).Migrations()
	set.Migrations = slices.DeleteFunc(slices.Clone(set.Migrations), func(m dbx.Migration) bool { return m.Version > version && m.Version < 100 })
	if _, err := db.Migrate(context.Background(), set, nil); err != nil {
		t.Fatalf("migrate to %d: %v", version, err)
	}
}

// TestMigrateEventOrder: an upgraded database numbers its existing audit events by
// time, then by their place in a process step, then by id; new events follow them.
func TestMigrateEventOrder(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		migratedTo(t, db, 7)
		at := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
		old := []struct {
			id, typ string
			at      time.Time
		}{ // as version 7 stored them: random ids, one timestamp per step
			{"f0000000-0000-4000-8000-000000000000", "Created", at},
			{"a0000000-0000-4000-8000-000000000000", "process_StartTask", at},
			{"c0000000-0000-4000-8000-000000000000", "process_StartEvent", at},
			{"10000000-0000-4000-8000-000000000000", "Saved", at.Add(time.Minute)},
			{"b0000000-0000-4000-8000-000000000000", "process_StartTask", at.Add(2 * time.Minute)},
			{"e0000000-0000-4000-8000-000000000000", "process_EndTask", at.Add(2 * time.Minute)},
			{"d0000000-0000-4000-8000-000000000000", "Saved", at.Add(2 * time.Minute)},
		}
		for _, e := range old {
			if err := db.Gorm.Exec(`INSERT INTO instance_events (id, instance_guid, party_id, event_type, created, data_id, "user", process_info)
VALUES (?, 'g', 5, ?, ?, '', '{}', '{}')`, e.id, e.typ, e.at).Error; err != nil {
				t.Fatal(err)
			}
		}
		migrated(t, db)
		s := store.New(db)
		ctx := context.Background()
		if _, err := s.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: "g", PartyID: 5, EventType: "Deleted", Created: at}); err != nil {
			t.Fatal(err)
		}
		got, err := s.ListEvents(ctx, "g", store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var types []string
		for i, e := range got {
			types = append(types, e.EventType)
			if i < len(old) && e.Seq != int64(i+1) {
				t.Errorf("event %d %s: seq %d", i, e.EventType, e.Seq)
			}
		}
		want := []string{"Created", "process_StartEvent", "process_StartTask", "Saved", "process_EndTask", "process_StartTask", "Saved", "Deleted"}
		if !slices.Equal(types, want) {
			t.Fatalf("after the upgrade\n%v, want\n%v", types, want)
		}
	})
}
