// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestMigrateRetention: an upgraded database's messages that are not done name
// the event they need, read from their payloads; done ones need none.
func TestMigrateRetention(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		migratedTo(t, db, 8)
		at := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
		msgs := []struct {
			topic, payload string
			done           bool
			want           int64
		}{
			{"event", `{"eventIds":[12,11,13]}`, false, 11},
			{"webhook", `{"subscriptionId":7,"eventId":12}`, false, 12},
			{"webhook", `{"subscriptionId":7,"eventId":13}`, true, 0},
			{"validate", `{"subscriptionId":7}`, false, 0},
			{"event", `{}`, false, 0},
		}
		for _, m := range msgs {
			var done *time.Time
			if m.done {
				done = &at
			}
			if err := db.Gorm.Exec(`INSERT INTO outbox (topic, ref, payload, created, available_at, attempts, locked_by, done_at, dead, last_error)
VALUES (?, '7', ?, ?, ?, 0, '', ?, ?, '')`, m.topic, m.payload, at, at, done, false).Error; err != nil {
				t.Fatal(err)
			}
		}
		migrated(t, db)
		var got []struct{ EventID *int64 }
		if err := db.Gorm.WithContext(context.Background()).Raw("SELECT event_id FROM outbox ORDER BY id").Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		for i, m := range msgs {
			var id int64
			if got[i].EventID != nil {
				id = *got[i].EventID
			}
			if id != m.want {
				t.Errorf("%s %s: event_id %d, want %d", m.topic, m.payload, id, m.want)
			}
		}
	})
}
