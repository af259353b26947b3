// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// instanceEventV4 is the frozen instance_events table of migration 4. It has no
// foreign key: the audit trail outlives a hard-deleted instance.
type instanceEventV4 struct {
	ID           string    `gorm:"primaryKey;size:36"`
	InstanceGUID string    `gorm:"size:36;not null;index:ix_instance_events_instance,priority:1"`
	PartyID      int64     `gorm:"not null"`
	EventType    string    `gorm:"size:100;not null"`
	Created      time.Time `gorm:"not null;index:ix_instance_events_instance,priority:2"`
	DataID       string    `gorm:"size:36;not null"`
	User         string    `gorm:"type:text;not null"`
	ProcessInfo  string    `gorm:"type:text;not null"`
}

func (instanceEventV4) TableName() string { return "instance_events" }

func migrateEvents(ctx context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&instanceEventV4{})
}
