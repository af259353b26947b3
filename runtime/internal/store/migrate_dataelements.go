// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// instanceRefV3 names the instances table for the foreign key of migration 3.
type instanceRefV3 struct {
	ID int64 `gorm:"primaryKey"`
}

func (instanceRefV3) TableName() string { return "instances" }

// dataElementV3 is the frozen data_elements table of migration 3.
type dataElementV3 struct {
	GUID          string         `gorm:"column:guid;primaryKey;size:36"`
	InstanceID    int64          `gorm:"not null;index:ix_data_elements_instance"`
	InstanceGUID  string         `gorm:"size:36;not null"`
	DataType      string         `gorm:"size:200;not null"`
	ContentType   string         `gorm:"size:200;not null"`
	Filename      string         `gorm:"size:500;not null"`
	Size          int64          `gorm:"not null"`
	SHA256        string         `gorm:"column:sha256;size:64;not null"`
	BlobKey       string         `gorm:"size:500;not null;index:ix_data_elements_blob_key"`
	Locked        bool           `gorm:"not null"`
	Created       time.Time      `gorm:"not null"`
	CreatedBy     string         `gorm:"size:100;not null"`
	LastChanged   time.Time      `gorm:"not null"`
	LastChangedBy string         `gorm:"size:100;not null"`
	Document      string         `gorm:"type:text;not null"`
	Instance      *instanceRefV3 `gorm:"foreignKey:InstanceID;constraint:OnDelete:CASCADE"`
}

func (dataElementV3) TableName() string { return "data_elements" }

func migrateDataElements(ctx context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&dataElementV3{})
}
