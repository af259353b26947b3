// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// instanceEventV8 is the frozen instance_events table of migration 8: Seq, filled
// on insert in the order rows are written (one INSERT's rows included), orders an
// instance's events; its events of one instant share a timestamp and their ids are
// random. The GUID stays unique.
type instanceEventV8 struct {
	Seq          int64     `gorm:"primaryKey;autoIncrement"`
	ID           string    `gorm:"size:36;not null;uniqueIndex:uq_instance_events_id"`
	InstanceGUID string    `gorm:"size:36;not null"`
	PartyID      int64     `gorm:"not null"`
	EventType    string    `gorm:"size:100;not null"`
	Created      time.Time `gorm:"not null"`
	DataID       string    `gorm:"size:36;not null"`
	User         string    `gorm:"type:text;not null"`
	ProcessInfo  string    `gorm:"type:text;not null"`
}

func (instanceEventV8) TableName() string { return "instance_events" }

// migrateEventOrder rebuilds instance_events with Seq as its key, the same way on
// both engines (SQLite cannot add a key column in place). Existing rows are
// numbered by time, then by where an event falls in a process step (the order the
// runtime writes them: Created, process_StartEvent, process_EndTask,
// process_StartTask, process_EndEvent), then by id, so the old rows of one instant
// get the order they were written in and the numbering is the same on every run.
func migrateEventOrder(ctx context.Context, tx *gorm.DB) error {
	pg := tx.Dialector.Name() == "postgres"
	stmts := []string{"ALTER TABLE instance_events RENAME TO instance_events_v4"}
	if pg { // the key's name would clash with the new table's
		stmts = append(stmts, "ALTER TABLE instance_events_v4 RENAME CONSTRAINT instance_events_pkey TO instance_events_v4_pkey")
	}
	stmts = append(stmts, "DROP INDEX ix_instance_events_instance")
	if err := execAll(tx, stmts...); err != nil {
		return err
	}
	if err := tx.Migrator().CreateTable(&instanceEventV8{}); err != nil {
		return err
	}
	stmts = []string{`INSERT INTO instance_events (seq, id, instance_guid, party_id, event_type, created, data_id, "user", process_info)
SELECT ROW_NUMBER() OVER (ORDER BY created,
    CASE event_type WHEN 'Created' THEN 0 WHEN 'process_StartEvent' THEN 1 WHEN 'process_EndTask' THEN 2
      WHEN 'process_StartTask' THEN 3 WHEN 'process_EndEvent' THEN 4 ELSE 5 END, id),
  id, instance_guid, party_id, event_type, created, data_id, "user", process_info
FROM instance_events_v4`,
		"DROP TABLE instance_events_v4",
		// An instance's events, in order; a time window filters within them.
		"CREATE INDEX ix_instance_events_instance ON instance_events (instance_guid, seq)",
	}
	if pg { // explicit values do not move the sequence (SQLite's AUTOINCREMENT follows them)
		stmts = append(stmts, "SELECT setval(pg_get_serial_sequence('instance_events', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM instance_events")
	}
	return execAll(tx, stmts...)
}
