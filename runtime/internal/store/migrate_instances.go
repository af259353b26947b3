// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// instanceV2 is the frozen instances table of migration 2.
type instanceV2 struct {
	ID             int64  `gorm:"primaryKey;autoIncrement"`
	GUID           string `gorm:"column:guid;size:36;not null;uniqueIndex:uq_instances_guid"`
	PartyID        int64  `gorm:"not null"`
	Org            string `gorm:"size:64;not null"`
	AppID          string `gorm:"size:200;not null"`
	AppVersion     string `gorm:"size:64;not null"`
	CurrentTask    string `gorm:"size:200;not null"`
	IsComplete     bool   `gorm:"not null"`
	IsArchived     bool   `gorm:"not null"`
	ArchivedAt     *time.Time
	IsSoftDeleted  bool `gorm:"not null"`
	SoftDeletedAt  *time.Time
	IsHardDeleted  bool `gorm:"not null"`
	HardDeletedAt  *time.Time
	Confirmed      bool      `gorm:"not null"`
	Created        time.Time `gorm:"not null"`
	CreatedBy      string    `gorm:"size:100;not null"`
	LastChanged    time.Time `gorm:"not null"`
	LastChangedBy  string    `gorm:"size:100;not null"`
	Version        int64     `gorm:"not null"`
	IdempotencyKey *string   `gorm:"size:200"`
	RequestHash    string    `gorm:"size:64;not null"`
	Document       string    `gorm:"type:text;not null"`
}

func (instanceV2) TableName() string { return "instances" }

// instanceConfirmationV2 records one stakeholder's completion confirmation; its primary
// key serves excludeConfirmedBy for stakeholders other than the owning org.
type instanceConfirmationV2 struct {
	InstanceID    int64       `gorm:"primaryKey;autoIncrement:false"`
	StakeholderID string      `gorm:"primaryKey;size:100"`
	ConfirmedOn   time.Time   `gorm:"not null"`
	Instance      *instanceV2 `gorm:"foreignKey:InstanceID;constraint:OnDelete:CASCADE"`
}

func (instanceConfirmationV2) TableName() string { return "instance_confirmations" }

func migrateInstances(ctx context.Context, tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&instanceV2{}, &instanceConfirmationV2{}); err != nil {
		return err
	}
	// The query pages by (last_changed, id) within org or app, so id closes each key.
	return execAll(tx,
		"CREATE INDEX ix_instances_org_changed ON instances (org, last_changed, id)",
		"CREATE INDEX ix_instances_app_changed ON instances (app_id, last_changed, id)",
		"CREATE INDEX ix_instances_app_task ON instances (app_id, current_task)",
		"CREATE INDEX ix_instances_party_changed ON instances (party_id, last_changed)",
		"CREATE INDEX ix_instances_org_unconfirmed ON instances (org, last_changed DESC, id) WHERE confirmed = false",
		"CREATE UNIQUE INDEX uq_instances_idempotency ON instances (created_by, idempotency_key)",
	)
}
