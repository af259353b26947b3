// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// outboxV6 is the frozen outbox table of migration 6.
type outboxV6 struct {
	ID          int64     `gorm:"primaryKey;autoIncrement"`
	Topic       string    `gorm:"size:200;not null"`
	Payload     string    `gorm:"type:text;not null"`
	Created     time.Time `gorm:"not null"`
	AvailableAt time.Time `gorm:"not null"`
	Attempts    int       `gorm:"not null"`
	LockedUntil *time.Time
	LockedBy    string `gorm:"size:100;not null"`
	DoneAt      *time.Time
	Dead        bool   `gorm:"not null"`
	LastError   string `gorm:"type:text;not null"`
}

func (outboxV6) TableName() string { return "outbox" }

func migrateOutbox(ctx context.Context, tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&outboxV6{}); err != nil {
		return err
	}
	// Claim scans only pending rows; finished and dead ones stay out of the index.
	return execAll(tx,
		"CREATE INDEX ix_outbox_pending ON outbox (available_at, id) WHERE done_at IS NULL AND dead = false",
		"CREATE INDEX ix_outbox_dead ON outbox (id) WHERE dead = true",
	)
}
