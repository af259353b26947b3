// SPDX-License-Identifier: MIT

package dbx_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"gorm.io/gorm"
)

// widget is the current model; widgetV1 is the frozen struct its first migration used.
type widget struct {
	ID      int64  `gorm:"primaryKey"`
	Name    string `gorm:"uniqueIndex;size:100;not null"`
	Colour  string `gorm:"size:20"`
	Created time.Time
}

type widgetV1 struct {
	ID      int64  `gorm:"primaryKey"`
	Name    string `gorm:"uniqueIndex;size:100;not null"`
	Created time.Time
}

func (widgetV1) TableName() string { return "widgets" }
func (widget) TableName() string   { return "widgets" }

func testSet(withColour bool) dbx.MigrationSet {
	set := dbx.MigrationSet{Name: "test", Migrations: []dbx.Migration{{
		Version: 1, Name: "widgets",
		Up: func(ctx context.Context, tx *gorm.DB) error { return tx.Migrator().CreateTable(&widgetV1{}) },
	}}}
	if withColour {
		set.Migrations = append(set.Migrations, dbx.Migration{
			Version: 2, Name: "widget colour",
			Up: func(ctx context.Context, tx *gorm.DB) error {
				type widgetV2 struct {
					Colour string `gorm:"size:20"`
				}
				return tx.Table("widgets").Migrator().AddColumn(&widgetV2{}, "Colour")
			},
		})
	}
	return set
}

func TestMigrateAndErrors(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		applied, err := db.Migrate(ctx, testSet(true), nil)
		if err != nil || len(applied) != 2 {
			t.Fatalf("Migrate = %v, %v; want 2 applied", applied, err)
		}
		again, err := db.Migrate(ctx, testSet(true), nil)
		if err != nil || len(again) != 0 {
			t.Fatalf("second Migrate = %v, %v; want nothing applied", again, err)
		}
		if n, err := db.Pending(ctx, testSet(true)); err != nil || n != 0 {
			t.Fatalf("Pending = %d, %v", n, err)
		}
		if err := dbx.CheckDrift(db.Gorm, &widget{}); err != nil {
			t.Fatalf("CheckDrift: %v", err)
		}
		g := db.Gorm.WithContext(ctx)
		if err := dbx.MapError(g.Create(&widget{Name: "a", Created: time.Now()}).Error); err != nil {
			t.Fatalf("insert: %v", err)
		}
		err = dbx.MapError(g.Create(&widget{Name: "a", Created: time.Now()}).Error)
		if !errors.Is(err, dbx.ErrDuplicate) {
			t.Fatalf("duplicate insert: got %v, want ErrDuplicate", err)
		}
		var w widget
		err = dbx.MapError(g.Where("name = ?", "missing").First(&w).Error)
		if !errors.Is(err, dbx.ErrNotFound) {
			t.Fatalf("missing row: got %v, want ErrNotFound", err)
		}
	})
}

func TestDriftDetected(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		if _, err := db.Migrate(context.Background(), testSet(false), nil); err != nil {
			t.Fatal(err)
		}
		err := dbx.CheckDrift(db.Gorm, &widget{})
		if err == nil || !strings.Contains(err.Error(), "widgets.colour") {
			t.Fatalf("CheckDrift = %v; want the missing colour column named", err)
		}
		if n, _ := db.Pending(context.Background(), testSet(true)); n != 1 {
			t.Fatalf("Pending = %d, want 1", n)
		}
		// A field read from a join (-:migration) is no column of the table.
		type joined struct {
			widgetV1
			Owner string `gorm:"->;-:migration"`
		}
		if err := dbx.CheckDrift(db.Gorm.Table("widgets"), &joined{}); err != nil {
			t.Fatalf("CheckDrift with a joined field = %v, want nil", err)
		}
	})
}

func TestFailedMigrationRollsBack(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		set := testSet(false)
		set.Migrations = append(set.Migrations, dbx.Migration{Version: 2, Name: "broken",
			Up: func(ctx context.Context, tx *gorm.DB) error {
				if err := tx.Exec("CREATE TABLE half (id integer)").Error; err != nil {
					return err
				}
				return errors.New("boom")
			}})
		_, err := db.Migrate(context.Background(), set, nil)
		if err == nil || !strings.Contains(err.Error(), "boom") {
			t.Fatalf("Migrate = %v; want the failure", err)
		}
		if db.Gorm.Migrator().HasTable("half") {
			t.Fatal("table from the failed migration survived: not transactional")
		}
		if n, _ := db.Pending(context.Background(), set); n != 1 {
			t.Fatalf("Pending = %d, want 1 (the broken one)", n)
		}
	})
}

func TestParseDSN(t *testing.T) {
	tests := []struct {
		in      string
		dialect dbx.Dialect
		prefix  string
		wantErr bool
	}{
		{"postgres://u@localhost:5432/db", dbx.Postgres, "postgres://", false},
		{"postgresql://u@localhost/db?sslmode=disable", dbx.Postgres, "postgresql://", false},
		{"host=localhost user=u dbname=db", dbx.Postgres, "host=", false},
		{"sqlite:data/b.db", dbx.SQLite, "file:data/b.db?_pragma=journal_mode(WAL)", false},
		{"file:/tmp/x.db?cache=shared", dbx.SQLite, "file:/tmp/x.db?cache=shared&_pragma", false},
		{"./data/blankett.db", dbx.SQLite, "file:./data/blankett.db?", false},
		{"", "", "", true},
		{"sqlite:", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, dsn, err := dbx.ParseDSN(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if d != tt.dialect || !strings.HasPrefix(dsn, tt.prefix) {
				t.Fatalf("ParseDSN = %q, %q; want %q, prefix %q", d, dsn, tt.dialect, tt.prefix)
			}
		})
	}
}

func TestUnreachablePostgres(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := dbx.Open(ctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("Open = %v; want an unreachable error", err)
	}
}

// TestMigrateOutOfOrder: a set joins several packages' version ranges, so a new
// migration of one package may be numbered below another's applied one; it is
// applied, not refused.
func TestMigrateOutOfOrder(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		set := testSet(false)
		set.Migrations = append(set.Migrations, dbx.Migration{Version: 100, Name: "other package",
			Up: func(ctx context.Context, tx *gorm.DB) error {
				return tx.Exec("CREATE TABLE gadgets (id integer)").Error
			}})
		if _, err := db.Migrate(ctx, set, nil); err != nil {
			t.Fatal(err)
		}
		set.Migrations = append(testSet(true).Migrations, set.Migrations[1])
		applied, err := db.Migrate(ctx, set, nil)
		if err != nil || len(applied) != 1 || applied[0].Version != 2 {
			t.Fatalf("Migrate = %v, %v; want version 2 applied", applied, err)
		}
		if err := dbx.CheckDrift(db.Gorm, &widget{}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSQLitePragmas: every pooled SQLite connection runs with the settings the
// runtime depends on, among them an in-memory statement sub-journal (a batch's
// savepoints would otherwise write every page they touch to a temp file).
func TestSQLitePragmas(t *testing.T) {
	ctx := context.Background()
	db, err := dbx.Open(ctx, "sqlite:"+t.TempDir()+"/p.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct{ pragma, want string }{
		{"journal_mode", "wal"}, {"synchronous", "1"}, {"foreign_keys", "1"}, {"temp_store", "2"}, {"busy_timeout", "10000"},
	} {
		var got string
		if err := db.SQL().QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s = %s, want %s", tc.pragma, got, tc.want)
		}
	}
}
