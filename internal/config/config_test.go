// SPDX-License-Identifier: MIT

package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/spf13/pflag"
)

func load(t *testing.T, args []string, env map[string]string) (config.Base, error) {
	t.Helper()
	var b config.Base
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	config.Register(fs, &b)
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse: %v", err)
	}
	if err := config.Load(fs, &b, func(k string) string { return env[k] }); err != nil {
		return b, err
	}
	return b, b.Resolve()
}

func TestDefaults(t *testing.T) {
	b, err := load(t, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := config.Base{Addr: "127.0.0.1:8080", AdminAddr: "127.0.0.1:9090", PublicURL: "http://127.0.0.1:8080",
		DataDir: "./data", Database: "sqlite:" + filepath.Join("data", "blankett.db"), Migrate: true,
		LogLevel: "info", LogFormat: "json", ShutdownTimeout: 20 * time.Second, GCPercent: config.DefaultGCPercent,
		Blob: config.BlobConfig{Backend: "fs", Dir: filepath.Join("data", "blobs"), FSSync: "full", S3Bucket: "blankett", S3Region: "us-east-1"}}
	if fmt.Sprintf("%+v", b) != fmt.Sprintf("%+v", want) {
		t.Fatalf("defaults:\n got %+v\nwant %+v", b, want)
	}
}

func TestPrecedenceAndSecrets(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secretFile, []byte("s3cr3t\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(config.Base) string
		wantErr string
	}{
		{"env applies", nil, map[string]string{"BLANKETT_ADDR": "0.0.0.0:9000"},
			func(b config.Base) string { return b.Addr }, ""},
		{"flag beats env", []string{"--addr=127.0.0.1:1234"}, map[string]string{"BLANKETT_ADDR": "0.0.0.0:9000"},
			func(b config.Base) string { return b.Addr }, ""},
		{"bool env", nil, map[string]string{"BLANKETT_MIGRATE": "false"},
			func(b config.Base) string { return fmt.Sprint(b.Migrate) }, ""},
		{"secret from file", []string{"--blob=s3", "--s3-endpoint=http://s3:9000", "--s3-access-key=k"},
			map[string]string{"BLANKETT_S3_SECRET_KEY_FILE": secretFile},
			func(b config.Base) string { return b.Blob.S3SecretKey }, ""},
		{"value and file both set", nil,
			map[string]string{"BLANKETT_S3_SECRET_KEY": "x", "BLANKETT_S3_SECRET_KEY_FILE": secretFile}, nil, "both set"},
		{"missing secret file", nil, map[string]string{"BLANKETT_S3_SECRET_KEY_FILE": "/nonexistent/x"}, nil, "no such file"},
		{"no _FILE for non-secrets", nil, map[string]string{"BLANKETT_ADDR_FILE": secretFile},
			func(b config.Base) string { return b.Addr }, ""},
		{"bad duration", nil, map[string]string{"BLANKETT_SHUTDOWN_TIMEOUT": "soon"}, nil, "BLANKETT_SHUTDOWN_TIMEOUT"},
		{"bad addr", []string{"--addr=nope"}, nil, nil, "--addr"},
		{"s3 needs endpoint and keys", []string{"--blob=s3"}, nil, nil, "--s3-endpoint"},
		{"unknown backend", []string{"--blob=ftp"}, nil, nil, "want fs or s3"},
		{"bad public url", []string{"--public-url=forms.example.no"}, nil, nil, "--public-url"},
		{"admin equals addr", []string{"--admin-addr=127.0.0.1:8080"}, nil, nil, "must differ"},
		{"admin off", []string{"--admin-addr=off"}, nil, func(b config.Base) string { return b.AdminAddr }, ""},
		{"bad log level", nil, map[string]string{"BLANKETT_LOG_LEVEL": "loud"}, nil, "--log-level"},
		{"gc percent too low", []string{"--gc-percent=10"}, nil, nil, "--gc-percent 10"},
		{"gc percent from env", nil, map[string]string{"BLANKETT_GC_PERCENT": "400"},
			func(b config.Base) string { return fmt.Sprint(b.GCPercent) }, ""},
		{"database max active negative", []string{"--database-max-active=-1"}, nil, nil, "--database-max-active -1"},
		{"database max active over the pool", []string{"--database-max-active=33"}, nil, nil, "to 32 (the connection pool's size)"},
		{"database max active from env", nil, map[string]string{"BLANKETT_DATABASE_MAX_ACTIVE": "12"},
			func(b config.Base) string { return fmt.Sprint(b.DatabaseMaxActive) }, ""},
		{"database max active default", nil, nil, func(b config.Base) string { return fmt.Sprint(b.DatabaseMaxActive) }, ""},
	}
	want := map[string]string{"env applies": "0.0.0.0:9000", "flag beats env": "127.0.0.1:1234", "bool env": "false", "gc percent from env": "400",
		"database max active from env": "12", "database max active default": "0",
		"secret from file": "s3cr3t", "no _FILE for non-secrets": "127.0.0.1:8080", "admin off": "off"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := load(t, tt.args, tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v; want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.check(b); got != want[tt.name] {
				t.Fatalf("got %q, want %q", got, want[tt.name])
			}
		})
	}
}

func TestAttrsRedactSecrets(t *testing.T) {
	b, err := load(t, []string{"--blob=s3", "--s3-endpoint=http://s3:9000", "--s3-access-key=AKIDSECRET",
		"--s3-secret-key=SUPERSECRET", "--database=postgres://app:PGPASS@db:5432/blankett?sslmode=disable"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range config.Attrs(&b) {
		sb.WriteString(a.String() + "\n")
	}
	out := sb.String()
	for _, secret := range []string{"AKIDSECRET", "SUPERSECRET", "PGPASS"} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q leaked into log attributes:\n%s", secret, out)
		}
	}
	for _, keep := range []string{"database=postgres://app:[redacted]@db:5432/blankett", "s3-endpoint=http://s3:9000"} {
		if !strings.Contains(out, keep) {
			t.Errorf("log attributes lack %q:\n%s", keep, out)
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := map[string]string{
		"":                                       "",
		"sqlite:data/blankett.db":                "sqlite:data/blankett.db",
		"postgres://u@h/db":                      "postgres://u@h/db",
		"postgres://u:p@h/db":                    "postgres://u:[redacted]@h/db",
		"postgres://u@h/db?password=p&sslmode=x": "postgres://u@h/db?password=[redacted]&sslmode=x",
		"host=h user=u password=p dbname=d":      "host=h user=u password=[redacted] dbname=d",
	}
	for in, want := range tests {
		if got := config.RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMaxDatabaseActiveIsThePool: --database-max-active's upper bound is the
// connection pool's size.
func TestMaxDatabaseActiveIsThePool(t *testing.T) {
	if config.MaxDatabaseActive != dbx.MaxConns {
		t.Fatalf("config.MaxDatabaseActive %d, dbx.MaxConns %d", config.MaxDatabaseActive, dbx.MaxConns)
	}
}
