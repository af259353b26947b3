// SPDX-License-Identifier: MIT

package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
)

// EnvPostgres names the environment variable holding a PostgreSQL URL
// (postgres://user@host:port/db) on which tests may create and drop databases.
const EnvPostgres = "BLANKETT_TEST_POSTGRES_DSN"

// Run calls fn once per engine as subtests "sqlite" and "postgres", each with an empty,
// unmigrated database that is removed when the subtest ends.
func Run(t *testing.T, fn func(t *testing.T, db *dbx.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite opens a new SQLite database in a temporary directory.
func SQLite(t testing.TB) *dbx.DB {
	t.Helper()
	db, err := dbx.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// Postgres creates a uniquely named database on the server named by EnvPostgres, opens
// it with opts, and drops it at cleanup. It skips the test when EnvPostgres is unset.
func Postgres(t testing.TB, opts ...dbx.Option) *dbx.DB {
	t.Helper()
	dsn := os.Getenv(EnvPostgres)
	if dsn == "" {
		t.Skip(EnvPostgres + " not set: PostgreSQL run skipped")
	}
	admin, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("dbtest: %s: %v", EnvPostgres, err)
	}
	defer admin.Close()
	name := "blankett_test_" + randomHex(8)
	if err := admin.Gorm.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("dbtest: create database: %v", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("dbtest: %s must be a postgres:// URL: %v", EnvPostgres, err)
	}
	u.Path = "/" + name
	db, err := dbx.Open(context.Background(), u.String(), opts...)
	if err != nil {
		t.Fatalf("dbtest: open %s: %v", name, err)
	}
	t.Cleanup(func() {
		_ = db.Close()
		if a, err := dbx.Open(context.Background(), dsn); err == nil {
			_ = a.Gorm.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").Error
			_ = a.Close()
		}
	})
	return db
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
