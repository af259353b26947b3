// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/glebarez/sqlite"
	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Migration is one numbered schema change. Up receives a gorm handle bound to the
// migration's transaction; it must declare its own frozen structs (never today's model
// types), so that an old migration keeps producing the same schema forever.
type Migration struct {
	Version int64
	Name    string
	Up      func(ctx context.Context, tx *gorm.DB) error
}

// MigrationSet is the ordered migrations of one role (studio or runtime). Each set keeps
// its own version table, so the roles can share one database or use separate ones.
type MigrationSet struct {
	// Name is a short identifier; the version table is called "<Name>_schema_version".
	Name       string
	Migrations []Migration
}

// MigrationResult reports one applied migration.
type MigrationResult struct {
	Version int64
	Name    string
}

func (db *DB) provider(set MigrationSet, log *slog.Logger) (*goose.Provider, error) {
	dialect := goose.DialectSQLite3
	if db.Dialect == Postgres {
		dialect = goose.DialectPostgres
	}
	ms := make([]*goose.Migration, 0, len(set.Migrations))
	for _, m := range set.Migrations {
		ms = append(ms, goose.NewGoMigration(m.Version,
			&goose.GoFunc{RunTx: db.runTx(m)}, &goose.GoFunc{Mode: goose.TransactionEnabled}))
	}
	opts := []goose.ProviderOption{
		goose.WithTableName(set.Name + "_schema_version"),
		// A set joins the migrations of several packages, each numbering its own
		// range (the runtime store from 2, apphost from 100), so a package's new
		// migration is often lower than another's applied one. Goose applies such
		// missing migrations first, in order, then the new ones.
		goose.WithAllowOutofOrder(true),
		goose.WithGoMigrations(ms...),
		goose.WithDisableGlobalRegistry(true),
	}
	if log != nil {
		opts = append(opts, goose.WithSlog(log))
	}
	p, err := goose.NewProvider(dialect, db.sql, nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("dbx: migrations %s: %w", set.Name, err)
	}
	return p, nil
}

// runTx adapts a Migration to goose: gorm is opened on goose's transaction so the schema
// change and the version row commit together or not at all.
func (db *DB) runTx(m Migration) func(context.Context, *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		var d gorm.Dialector = &sqlite.Dialector{Conn: tx}
		if db.Dialect == Postgres {
			d = postgres.New(postgres.Config{Conn: tx})
		}
		g, err := gorm.Open(d, &gorm.Config{SkipDefaultTransaction: true, Logger: logger.Discard, DisableAutomaticPing: true})
		if err != nil {
			return fmt.Errorf("dbx: migration %d %s: %w", m.Version, m.Name, err)
		}
		if err := m.Up(ctx, g.WithContext(ctx)); err != nil {
			return fmt.Errorf("dbx: migration %d %s: %w", m.Version, m.Name, err)
		}
		return nil
	}
}

// Migrate applies every pending migration of set, in order, each in its own
// transaction, and returns those it applied. Pending migrations numbered below an
// applied one (another package's range) are applied too. A failure stops at the failing migration
// and leaves the earlier ones applied.
func (db *DB) Migrate(ctx context.Context, set MigrationSet, log *slog.Logger) ([]MigrationResult, error) {
	p, err := db.provider(set, log)
	if err != nil {
		return nil, err
	}
	res, err := p.Up(ctx)
	out := make([]MigrationResult, 0, len(res))
	for _, r := range res {
		if r.Error == nil {
			out = append(out, MigrationResult{Version: r.Source.Version, Name: nameOf(set, r.Source.Version)})
		}
	}
	if err != nil {
		return out, fmt.Errorf("dbx: migrate %s: %w", set.Name, err)
	}
	return out, nil
}

// Pending reports how many migrations of set are not yet applied.
func (db *DB) Pending(ctx context.Context, set MigrationSet) (int, error) {
	p, err := db.provider(set, nil)
	if err != nil {
		return 0, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("dbx: status %s: %w", set.Name, err)
	}
	n := 0
	for _, s := range st {
		if s.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}

func nameOf(set MigrationSet, v int64) string {
	for _, m := range set.Migrations {
		if m.Version == v {
			return m.Name
		}
	}
	return ""
}
