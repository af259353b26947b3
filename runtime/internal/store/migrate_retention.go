// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"encoding/json"
	"slices"

	"gorm.io/gorm"
)

// outboxV9 is the column migration 9 adds to the outbox: EventID names the events
// row a message needs, so that retention never deletes an event still to be
// delivered: for a webhook delivery the event it posts, for an event fan-out the
// lowest of the events it names. NULL for other messages.
type outboxV9 struct {
	EventID *int64
}

func (outboxV9) TableName() string { return "outbox" }

// Payloads of migration 9's time, frozen: the events worker's fan-out ("event")
// and webhook delivery ("webhook") messages.
type (
	fanOutPayloadV9  struct{ EventIDs []int64 }
	webhookPayloadV9 struct{ EventID int64 }
)

func migrateRetention(ctx context.Context, tx *gorm.DB) error {
	if err := tx.Migrator().AddColumn(&outboxV9{}, "EventID"); err != nil {
		return err
	}
	// Messages not yet done (pending, and dead letters that may be retried) get
	// their event; done ones need none.
	var rows []struct {
		ID             int64
		Topic, Payload string
	}
	if err := tx.Raw("SELECT id, topic, payload FROM outbox WHERE done_at IS NULL AND topic IN ('event', 'webhook')").Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		var id int64
		if r.Topic == "webhook" {
			var p webhookPayloadV9
			_ = json.Unmarshal([]byte(r.Payload), &p)
			id = p.EventID
		} else {
			var p fanOutPayloadV9
			if json.Unmarshal([]byte(r.Payload), &p) == nil && len(p.EventIDs) > 0 {
				id = slices.Min(p.EventIDs)
			}
		}
		if id == 0 {
			continue
		}
		if err := tx.Exec("UPDATE outbox SET event_id = ? WHERE id = ?", id, r.ID).Error; err != nil {
			return err
		}
	}
	// Retention scans events by age, finished messages by when they finished,
	// and looks up the messages that still need an event.
	return execAll(tx,
		"CREATE INDEX ix_events_time ON events (time, id)",
		"CREATE INDEX ix_outbox_event ON outbox (event_id) WHERE done_at IS NULL",
		"CREATE INDEX ix_outbox_done ON outbox (done_at) WHERE done_at IS NOT NULL",
	)
}
