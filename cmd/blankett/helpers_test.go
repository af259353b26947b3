// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// signingKeyFile writes a new Ed25519 seed, hex-encoded as --token-signing-key-file
// reads it, to dir/name and returns the file's path and the seed.
func signingKeyFile(t *testing.T, dir, name string) (string, []byte) {
	t.Helper()
	seed := make([]byte, ed25519.SeedSize)
	_, _ = rand.Read(seed)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(hex.EncodeToString(seed)), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, seed
}

// freshPostgres creates a uniquely named database (prefix_<random>) on the server
// named by dbtest.EnvPostgres, dropped at cleanup, and returns its URL for the
// binary's --database; "" when the variable is unset. dbtest.Postgres opens such a
// database in process; the binary needs its URL instead.
func freshPostgres(t *testing.T, prefix string) string {
	t.Helper()
	dsn := os.Getenv(dbtest.EnvPostgres)
	if dsn == "" {
		return ""
	}
	admin, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := prefix + "_" + hex.EncodeToString(b)
	if err := admin.Gorm.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a, err := dbx.Open(context.Background(), dsn); err == nil {
			_ = a.Gorm.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").Error
			_ = a.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// untilConfirmed repeats a `download --confirm` run while its output says the
// instance's PDF receipt is still being made (the runtime then refuses the
// confirmation, and a scheduled download would simply run again), for at most
// 30 s, and returns the last run's output.
func untilConfirmed(run func() string) string {
	out := run()
	for deadline := time.Now().Add(30 * time.Second); strings.Contains(out, "PDF receipt is still being made") && time.Now().Before(deadline); {
		time.Sleep(300 * time.Millisecond)
		out = run()
	}
	return out
}
