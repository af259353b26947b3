// SPDX-License-Identifier: MIT

package apphost

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// releaseRow is today's app_releases row (migration 100).
type releaseRow struct {
	Org          string `gorm:"primaryKey"`
	App          string `gorm:"primaryKey"`
	Version      string `gorm:"primaryKey"`
	SHA256       string `gorm:"column:sha256"`
	Size         int64
	BlobKey      string
	Active       bool
	DeployedAt   time.Time
	DeployedBy   string
	UndeployedAt *time.Time
}

func (releaseRow) TableName() string { return "app_releases" }

// blobKey is where a bundle is stored; the parts passed checkName.
func blobKey(org, app, version string) string {
	return "releases/" + org + "/" + app + "/" + version + ".tar.gz"
}

// ts normalises t to UTC microseconds, PostgreSQL's precision, so a value read back
// compares equal to the value written on both engines.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func (h *Host) getRow(ctx context.Context, org, app, version string) (*releaseRow, error) {
	var row releaseRow
	err := dbx.MapError(h.db.WithContext(ctx).Where("org = ? AND app = ? AND version = ?", org, app, version).Take(&row).Error)
	if errors.Is(err, dbx.ErrNotFound) {
		return nil, fmt.Errorf("apphost: release %s/%s@%s: %w", org, app, version, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("apphost: read release %s/%s@%s: %w", org, app, version, err)
	}
	return &row, nil
}

// saveRow inserts row, or updates it when it exists (a redeploy of the same bundle).
func (h *Host) saveRow(ctx context.Context, row *releaseRow) error {
	err := h.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&releaseRow{}).Where("org = ? AND app = ? AND version = ? AND sha256 = ?", row.Org, row.App, row.Version, row.SHA256).
			Updates(map[string]any{"active": true, "deployed_at": row.DeployedAt, "deployed_by": row.DeployedBy, "undeployed_at": nil})
		if res.Error != nil || res.RowsAffected > 0 {
			return res.Error
		}
		return tx.Create(row).Error
	})
	if err = dbx.MapError(err); errors.Is(err, dbx.ErrDuplicate) {
		return fmt.Errorf("apphost: %s/%s@%s is already deployed with other content: %w", row.Org, row.App, row.Version, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("apphost: record release %s/%s@%s: %w", row.Org, row.App, row.Version, err)
	}
	return nil
}

func (h *Host) setInactive(ctx context.Context, org, app, version string, at time.Time) error {
	err := h.db.WithContext(ctx).Model(&releaseRow{}).Where("org = ? AND app = ? AND version = ?", org, app, version).
		Updates(map[string]any{"active": false, "undeployed_at": at}).Error
	if err != nil {
		return fmt.Errorf("apphost: undeploy %s/%s@%s: %w", org, app, version, err)
	}
	return nil
}

func (h *Host) deleteRow(ctx context.Context, org, app, version string) error {
	err := h.db.WithContext(ctx).Where("org = ? AND app = ? AND version = ?", org, app, version).Delete(&releaseRow{}).Error
	if err != nil {
		return fmt.Errorf("apphost: purge %s/%s@%s: %w", org, app, version, err)
	}
	return nil
}

func (h *Host) allRows(ctx context.Context) ([]releaseRow, error) {
	var rows []releaseRow
	if err := h.db.WithContext(ctx).Order("org, app, deployed_at, version").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("apphost: list releases: %w", err)
	}
	return rows, nil
}
