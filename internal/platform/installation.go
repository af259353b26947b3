// SPDX-License-Identifier: MIT

package platform

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

// installationV1 is the frozen struct of the installation table's first migration.
type installationV1 struct {
	ID        string    `gorm:"primaryKey;size:36"`
	CreatedAt time.Time `gorm:"not null"`
	Version   string    `gorm:"size:64;not null"`
}

// Installation records, per role, the identity of this installation: a stable id
// (used where the platform must name itself, e.g. as an event source) and when and by
// which version the database was first set up.
type Installation struct {
	ID        string `gorm:"primaryKey;size:36"`
	CreatedAt time.Time
	Version   string `gorm:"size:64"`
}

// InstallationMigration is migration 1 of a role's set: it creates table.
func InstallationMigration(table string) dbx.Migration {
	return dbx.Migration{Version: 1, Name: "create " + table, Up: func(ctx context.Context, tx *gorm.DB) error {
		return tx.Table(table).Migrator().CreateTable(&installationV1{})
	}}
}

// EnsureInstallation returns the installation row in table, creating it on first
// start. Two processes starting together agree on one row.
func EnsureInstallation(ctx context.Context, db *dbx.DB, table, version string) (Installation, error) {
	var in Installation
	g := db.Gorm.WithContext(ctx).Table(table)
	err := dbx.MapError(g.Order("created_at, id").First(&in).Error)
	if err == nil {
		return in, nil
	}
	if !errors.Is(err, dbx.ErrNotFound) {
		return in, fmt.Errorf("platform: read %s: %w", table, err)
	}
	in = Installation{ID: uuid.NewString(), CreatedAt: time.Now().UTC(), Version: version}
	if err := db.Gorm.WithContext(ctx).Table(table).Create(&in).Error; err != nil {
		return in, fmt.Errorf("platform: create %s: %w", table, err)
	}
	// Re-read so that concurrent first starts all return the oldest row.
	if err := db.Gorm.WithContext(ctx).Table(table).Order("created_at, id").First(&in).Error; err != nil {
		return in, fmt.Errorf("platform: read %s: %w", table, err)
	}
	return in, nil
}
