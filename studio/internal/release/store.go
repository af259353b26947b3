// SPDX-License-Identifier: MIT

package release

import (
	"context"
	"errors"
	"fmt"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Store reads and writes the release tables.
type Store struct{ g *gorm.DB }

// NewStore returns a Store on db, migrated with Migrations.
func NewStore(db *dbx.DB) *Store { return &Store{g: db.Gorm} }

func (s *Store) db(ctx context.Context) *gorm.DB { return s.g.WithContext(ctx) }

// wrap maps database errors to the package's sentinels.
func wrap(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%w: %s", ErrNotFound, op)
	case errors.Is(dbx.MapError(err), dbx.ErrDuplicate):
		return fmt.Errorf("%w: %s", ErrExists, op)
	}
	return fmt.Errorf("release: %s: %w", op, err)
}

// insert stores rel and its bundle in one transaction, setting rel.ID.
func (s *Store) insert(ctx context.Context, rel *Release, data []byte) error {
	return wrap("create release "+rel.Version, s.db(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(rel).Error; err != nil {
			return err
		}
		return tx.Create(&bundleRow{ReleaseID: rel.ID, Data: data}).Error
	}))
}

// List returns an app's releases, newest first.
func (s *Store) List(ctx context.Context, org, app string) ([]Release, error) {
	var out []Release
	err := s.db(ctx).Where("org = ? AND app = ?", org, app).Order("created_at DESC, id DESC").Find(&out).Error
	return out, wrap("list releases", err)
}

// Get returns one release.
func (s *Store) Get(ctx context.Context, org, app, version string) (Release, error) {
	var r Release
	err := s.db(ctx).Where("org = ? AND app = ? AND version = ?", org, app, version).Take(&r).Error
	return r, wrap("release "+org+"/"+app+"@"+version, err)
}

// Bundle returns a release's bytes.
func (s *Store) Bundle(ctx context.Context, id int64) ([]byte, error) {
	var b bundleRow
	err := s.db(ctx).Where("release_id = ?", id).Take(&b).Error
	return b.Data, wrap("release bundle", err)
}

// AddDeploy records d, setting its id.
func (s *Store) AddDeploy(ctx context.Context, d *Deploy) error {
	return wrap("record deploy", s.db(ctx).Create(d).Error)
}

// Deploys returns an app's deploy records, newest first, at most limit.
func (s *Store) Deploys(ctx context.Context, org, app string, limit int) ([]Deploy, error) {
	var out []Deploy
	err := s.db(ctx).Where("org = ? AND app = ?", org, app).Order("deployed_at DESC, id DESC").Limit(limit).Find(&out).Error
	return out, wrap("list deploys", err)
}
