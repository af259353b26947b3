// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// cloudEventV7 is the frozen events table of migration 7: the CloudEvents the apps
// publish. ID orders them and is the pull API's cursor; EventID is the CloudEvent id.
type cloudEventV7 struct {
	ID                 int64     `gorm:"primaryKey;autoIncrement"`
	EventID            string    `gorm:"size:36;not null;uniqueIndex:uq_events_event_id"`
	Type               string    `gorm:"size:200;not null"`
	Source             string    `gorm:"size:1000;not null"`
	Subject            string    `gorm:"size:200;not null"`
	AlternativeSubject string    `gorm:"size:200;not null"`
	Org                string    `gorm:"size:64;not null"`
	App                string    `gorm:"size:200;not null"`
	InstanceGUID       string    `gorm:"size:36;not null"`
	PartyID            int64     `gorm:"not null"`
	Time               time.Time `gorm:"not null"`
	Document           string    `gorm:"type:text;not null"`
}

func (cloudEventV7) TableName() string { return "events" }

// eventSubscriptionV7 is the frozen event_subscriptions table of migration 7.
type eventSubscriptionV7 struct {
	ID            int64     `gorm:"primaryKey;autoIncrement"`
	Org           string    `gorm:"size:64;not null"`
	EndPoint      string    `gorm:"size:2000;not null"`
	SourceFilter  string    `gorm:"size:1000;not null"`
	FilterOrg     string    `gorm:"size:64;not null"`
	FilterApp     string    `gorm:"size:200;not null"`
	TypeFilter    string    `gorm:"size:200;not null"`
	SubjectFilter string    `gorm:"size:200;not null"`
	Secret        string    `gorm:"size:64;not null"`
	Validated     bool      `gorm:"not null"`
	Created       time.Time `gorm:"not null"`
	CreatedBy     string    `gorm:"size:200;not null"`
	Disabled      bool      `gorm:"not null"`
}

func (eventSubscriptionV7) TableName() string { return "event_subscriptions" }

// outboxV7 is the outbox of migration 7: Ref names what a message is about (a
// webhook delivery's subscription), so its dead letters can be listed, and
// FailedAt when it last failed.
type outboxV7 struct {
	ID          int64     `gorm:"primaryKey;autoIncrement"`
	Topic       string    `gorm:"size:200;not null"`
	Ref         string    `gorm:"size:200;not null;default:''"`
	Payload     string    `gorm:"type:text;not null"`
	Created     time.Time `gorm:"not null"`
	AvailableAt time.Time `gorm:"not null"`
	Attempts    int       `gorm:"not null"`
	LockedUntil *time.Time
	LockedBy    string `gorm:"size:100;not null"`
	DoneAt      *time.Time
	FailedAt    *time.Time
	Dead        bool   `gorm:"not null"`
	LastError   string `gorm:"type:text;not null"`
}

func (outboxV7) TableName() string { return "outbox" }

func migrateCloudEvents(ctx context.Context, tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&cloudEventV7{}, &eventSubscriptionV7{}); err != nil {
		return err
	}
	for _, col := range []string{"Ref", "FailedAt"} {
		if err := tx.Migrator().AddColumn(&outboxV7{}, col); err != nil {
			return err
		}
	}
	// The pull API reads one app's events by id; fan-out finds an app's subscriptions;
	// the dead-letter view lists one subscription's dead deliveries.
	return execAll(tx,
		"CREATE INDEX ix_events_app ON events (org, app, id)",
		"CREATE INDEX ix_event_subscriptions_org ON event_subscriptions (org, id)",
		"CREATE INDEX ix_event_subscriptions_source ON event_subscriptions (filter_org, filter_app)",
		"CREATE INDEX ix_outbox_dead_ref ON outbox (topic, ref, id) WHERE dead = true",
	)
}
