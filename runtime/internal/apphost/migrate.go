// SPDX-License-Identifier: MIT

package apphost

import (
	"context"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Migrations returns apphost's migrations of the "runtime" set. They are numbered from
// 100 so they never collide with runtime/internal/store's; the runtime role appends
// them after the store's. Released migrations are never edited.
func Migrations() []dbx.Migration {
	return []dbx.Migration{
		{Version: 100, Name: "app releases", Up: migrateReleases},
	}
}

// releaseV100 is the frozen app_releases table of migration 100: one row per deployed
// bundle, whose blob is BlobKey.
type releaseV100 struct {
	Org          string     `gorm:"primaryKey;size:64"`
	App          string     `gorm:"primaryKey;size:64"`
	Version      string     `gorm:"primaryKey;size:64"`
	SHA256       string     `gorm:"column:sha256;size:64;not null"`
	Size         int64      `gorm:"not null"`
	BlobKey      string     `gorm:"size:300;not null"`
	Active       bool       `gorm:"not null"`
	DeployedAt   time.Time  `gorm:"not null"`
	DeployedBy   string     `gorm:"size:200;not null"`
	UndeployedAt *time.Time `gorm:""`
}

func (releaseV100) TableName() string { return "app_releases" }

func migrateReleases(ctx context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&releaseV100{})
}
