// SPDX-License-Identifier: MIT

package release

import (
	"context"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Migrations returns the release tables' schema changes. They are numbered from
// 10 so that the account store's (2, 3, …) can grow without a clash.
func Migrations() []dbx.Migration {
	return []dbx.Migration{
		{Version: 10, Name: "create studio releases, release bundles and deploys", Up: migrateReleasesV10},
	}
}

// Frozen tables of migration 10.
type releaseV10 struct {
	ID         int64     `gorm:"primaryKey;autoIncrement"`
	Org        string    `gorm:"size:30;not null;uniqueIndex:uq_studio_releases_version"`
	App        string    `gorm:"size:64;not null;uniqueIndex:uq_studio_releases_version"`
	Version    string    `gorm:"size:64;not null;uniqueIndex:uq_studio_releases_version"`
	Commit     string    `gorm:"size:40;not null"`
	Ref        string    `gorm:"size:200;not null"`
	CreatedBy  string    `gorm:"size:40;not null"`
	CreatedAt  time.Time `gorm:"not null"`
	SHA256     string    `gorm:"column:sha256;size:64;not null"`
	Size       int64     `gorm:"not null"`
	Warnings   int       `gorm:"not null"`
	Infos      int       `gorm:"not null"`
	LintReport string    `gorm:"type:text;not null"`
}

func (releaseV10) TableName() string { return "studio_releases" }

type releaseBundleV10 struct {
	ReleaseID int64       `gorm:"primaryKey;autoIncrement:false"`
	Data      []byte      `gorm:"not null"`
	Release   *releaseV10 `gorm:"foreignKey:ReleaseID;constraint:OnDelete:CASCADE"`
}

func (releaseBundleV10) TableName() string { return "studio_release_bundles" }

type deployV10 struct {
	ID         int64     `gorm:"primaryKey;autoIncrement"`
	Org        string    `gorm:"size:30;not null;index:ix_studio_deploys_app"`
	App        string    `gorm:"size:64;not null;index:ix_studio_deploys_app"`
	Env        string    `gorm:"size:40;not null"`
	Version    string    `gorm:"size:64;not null"`
	Action     string    `gorm:"size:20;not null"`
	Status     string    `gorm:"size:20;not null"`
	Error      string    `gorm:"type:text;not null"`
	DeployedBy string    `gorm:"size:40;not null"`
	DeployedAt time.Time `gorm:"not null"`
}

func (deployV10) TableName() string { return "studio_deploys" }

func migrateReleasesV10(_ context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&releaseV10{}, &releaseBundleV10{}, &deployV10{})
}
