// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// clientsDatabases returns the database URLs the clients commands are tested on:
// a SQLite file, and a fresh PostgreSQL database when the test server is set.
func clientsDatabases(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "blankett.db")}
	pg := freshPostgres(t, "blankett_clients")
	if pg == "" {
		t.Log(dbtest.EnvPostgres + " not set: PostgreSQL run skipped")
		return out
	}
	out["postgres"] = pg
	return out
}

func TestClientsCommands(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pubDER, _ := x509.MarshalPKIXPublicKey(pub)
	privDER, _ := x509.MarshalPKCS8PrivateKey(priv)
	pubFile, privFile := write("ci.pub.pem", "PUBLIC KEY", pubDER), write("ci.pem", "PRIVATE KEY", privDER)
	kid := authn.NewSigningKey(priv).ID // the kid `blankett login` and the runtime derive

	for engine, dsn := range clientsDatabases(t) {
		t.Run(engine, func(t *testing.T) {
			db := []string{"--database", dsn, "--data-dir", t.TempDir()}
			run := func(args ...string) (string, error) {
				t.Helper()
				return runCLI(t, append(args, db...)...)
			}
			if out, err := run("migrate"); err != nil {
				t.Fatalf("migrate: %v\n%s", err, out)
			}
			out, err := run("clients", "add", "ttd-ci", "--org", "ttd", "--org-number", "991825827", "--key", pubFile,
				"--scopes", "blankett:deploy,altinn:serviceowner/instances.read")
			if err != nil || !strings.Contains(out, "registered ttd-ci") || !strings.Contains(out, kid) {
				t.Fatalf("clients add = %q, %v; want the kid %s", out, err, kid)
			}
			if out, err := run("clients", "add", "acme-sync", "--org", "acme", "--key", pubFile, "--key-id", "acme-1",
				"--scopes", "altinn:serviceowner/instances.read"); err != nil {
				t.Fatalf("second client: %v\n%s", err, out)
			}

			for _, tc := range []struct {
				name  string
				args  []string
				usage bool
			}{
				{"taken id", []string{"ttd-ci", "--org", "ttd", "--key", pubFile, "--scopes", "blankett:deploy"}, false},
				{"private key", []string{"x", "--key", privFile, "--scopes", "blankett:deploy"}, true},
				{"no scopes", []string{"x", "--key", pubFile}, true},
				{"no key", []string{"x", "--scopes", "blankett:deploy"}, true},
				{"bad org number", []string{"x", "--key", pubFile, "--scopes", "a", "--org-number", "12"}, true},
				{"missing key file", []string{"x", "--key", filepath.Join(dir, "none.pem"), "--scopes", "a"}, true},
			} {
				out, err := run(append([]string{"clients", "add"}, tc.args...)...)
				var u usageError
				if err == nil || errors.As(err, &u) != tc.usage {
					t.Errorf("%s: err = %v (usage error %v), want usage error %v\n%s", tc.name, err, errors.As(err, &u), tc.usage, out)
				}
			}

			out, err = run("clients", "list")
			if err != nil || !strings.Contains(out, "ttd-ci") || !strings.Contains(out, "acme-sync") ||
				!strings.Contains(out, "blankett:deploy altinn:serviceowner/instances.read") || strings.Contains(out, "\nx ") {
				t.Fatalf("clients list = %q, %v", out, err)
			}
			if out, err = run("clients", "list", "--org", "acme"); err != nil || strings.Contains(out, "ttd-ci") || !strings.Contains(out, "acme-1") {
				t.Fatalf("clients list --org acme = %q, %v", out, err)
			}
			checkRegisteredKey(t, dsn, "ttd-ci", kid, pub)

			if out, err := run("clients", "remove", "ttd-ci"); err != nil || !strings.Contains(out, "removed ttd-ci") {
				t.Fatalf("clients remove = %q, %v", out, err)
			}
			if _, err := run("clients", "remove", "ttd-ci"); err == nil || !strings.Contains(err.Error(), "no such client") {
				t.Errorf("removing twice: %v, want no such client", err)
			}
			if out, _ := run("clients", "list"); strings.Contains(out, "ttd-ci") {
				t.Errorf("ttd-ci still listed after remove:\n%s", out)
			}
		})
	}
}

// checkRegisteredKey reads client id's key set the way the token endpoint does
// and checks that kid selects pub.
func checkRegisteredKey(t *testing.T, dsn, id, kid string, pub ed25519.PublicKey) {
	t.Helper()
	db, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var jwks string
	if err := db.Gorm.Raw("SELECT jwks FROM machine_clients WHERE client_id = ?", id).Scan(&jwks).Error; err != nil {
		t.Fatal(err)
	}
	ks, err := authn.ParseJWKS([]byte(jwks))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ks.Lookup(kid, authn.AlgEdDSA)
	if err != nil || !pub.Equal(got) {
		t.Fatalf("registered key for kid %s = %v, %v; want the client's public key", kid, got, err)
	}
}

// TestClientsAddOnNewDatabase registers a client on a database no server has
// migrated yet, as an operator setting up a runtime does; it failed with
// "no such table: machine_clients" before the clients commands migrated first.
func TestClientsAddOnNewDatabase(t *testing.T) {
	_, key := deployKeyFiles(t, t.TempDir())
	db := []string{"--database", "sqlite:" + filepath.Join(t.TempDir(), "new.db")}
	out, err := runCLI(t, append([]string{"clients", "add", "studio-ttd", "--org", "ttd", "--key", key, "--scopes", "blankett:deploy"}, db...)...)
	if err != nil || !strings.Contains(out, "registered studio-ttd") {
		t.Fatalf("clients add on a new database = %q, %v", out, err)
	}
	if out, err := runCLI(t, append([]string{"clients", "list"}, db...)...); err != nil || !strings.Contains(out, "studio-ttd") {
		t.Fatalf("clients list = %q, %v", out, err)
	}
}
