// SPDX-License-Identifier: MIT

package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Base is the configuration every server role shares: listeners, data directory,
// database, blob store, logging and lifecycle. Zero configuration runs on ./data with
// SQLite and a file blob store.
type Base struct {
	Addr      string `flag:"addr" env:"ADDR" default:"127.0.0.1:8080" usage:"public listen address (host:port)"`
	AdminAddr string `flag:"admin-addr" env:"ADMIN_ADDR" default:"127.0.0.1:9090" usage:"admin listen address for /healthz, /readyz and /metrics; \"off\" disables it"`
	PublicURL string `flag:"public-url" env:"PUBLIC_URL" usage:"external base URL, e.g. https://forms.example.no (default http://ADDR)"`
	DataDir   string `flag:"data-dir" env:"DATA_DIR" default:"./data" usage:"directory for the SQLite database, file blobs and git repositories"`
	Database  string `flag:"database" env:"DATABASE" secret:"url" usage:"database: postgres://user:pass@host/db or sqlite:PATH (default sqlite:DATA_DIR/blankett.db)"`
	Migrate   bool   `flag:"migrate" env:"MIGRATE" default:"true" usage:"apply pending database migrations at start-up"`
	// DatabaseMaxActive bounds the one-round-trip statement batches a process has
	// at a PostgreSQL server at once (dbx.Gate); 0 is dbx.DefaultMaxActive.
	DatabaseMaxActive int `flag:"database-max-active" env:"DATABASE_MAX_ACTIVE" default:"0" usage:"PostgreSQL: one-round-trip statement batches (a request's session and instance reads; instantiation, a save or process/next) this process has at the server at once, up to 32; more wait in line, first come first served. 0: twice GOMAXPROCS, at least 4. Raise it when PostgreSQL runs on its own machine with many cores"`

	Blob BlobConfig

	Dev             bool          `flag:"dev" env:"DEV" usage:"development mode: dev login with test users, a demo org and app; never in production"`
	LogLevel        string        `flag:"log-level" env:"LOG_LEVEL" default:"info" usage:"debug, info, warn or error"`
	LogFormat       string        `flag:"log-format" env:"LOG_FORMAT" default:"json" usage:"json or text"`
	ShutdownTimeout time.Duration `flag:"shutdown-timeout" env:"SHUTDOWN_TIMEOUT" default:"20s" usage:"how long in-flight requests may run after SIGINT/SIGTERM"`
	GCPercent       int           `flag:"gc-percent" env:"GC_PERCENT" default:"200" usage:"Go garbage collector target: the heap grows this many percent over live data between collections; higher spends memory to save CPU (the GOGC environment variable, when set, wins)"`
}

// BlobConfig selects and configures the blob store.
type BlobConfig struct {
	Backend        string `flag:"blob" env:"BLOB" default:"fs" usage:"blob store backend: fs or s3"`
	Dir            string `flag:"blob-dir" env:"BLOB_DIR" usage:"directory of the fs blob store (default DATA_DIR/blobs)"`
	FSSync         string `flag:"blob-fs-sync" env:"BLOB_FS_SYNC" default:"full" usage:"fs blob store durability: full (fsync before a write is acknowledged; survives power loss) or none (survives process crashes only)"`
	S3Endpoint     string `flag:"s3-endpoint" env:"S3_ENDPOINT" usage:"S3 endpoint URL, e.g. https://s3.example.no"`
	S3Bucket       string `flag:"s3-bucket" env:"S3_BUCKET" default:"blankett" usage:"S3 bucket"`
	S3Region       string `flag:"s3-region" env:"S3_REGION" default:"us-east-1" usage:"S3 region"`
	S3AccessKey    string `flag:"s3-access-key" env:"S3_ACCESS_KEY" secret:"true" usage:"S3 access key id"`
	S3SecretKey    string `flag:"s3-secret-key" env:"S3_SECRET_KEY" secret:"true" usage:"S3 secret access key"`
	S3CreateBucket bool   `flag:"s3-create-bucket" env:"S3_CREATE_BUCKET" usage:"create the S3 bucket at start-up when it does not exist"`
}

// DefaultGCPercent is --gc-percent's default (its flag tag says the same; the
// config test holds them together).
const DefaultGCPercent = 200

// MaxDatabaseActive is the largest --database-max-active: the size of the
// connection pool (dbx.MaxConns; the config test holds them together), which a
// larger limit could not reach.
const MaxDatabaseActive = 32

// CheckDatabaseMaxActive rejects a --database-max-active below 0 (0 is the
// default) or above MaxDatabaseActive.
func CheckDatabaseMaxActive(n int) error {
	if n < 0 || n > MaxDatabaseActive {
		return fmt.Errorf("--database-max-active %d: want 0 (the default) to %d (the connection pool's size)", n, MaxDatabaseActive)
	}
	return nil
}

// CheckGCPercent rejects a --gc-percent outside 25 to 10000: below, the
// collector would run nearly all the time; above, the heap could grow a hundred
// times its live data.
func CheckGCPercent(p int) error {
	if p < 25 || p > 10000 {
		return fmt.Errorf("--gc-percent %d: want 25 to 10000", p)
	}
	return nil
}

// AdminOff is the AdminAddr value that disables the admin listener.
const AdminOff = "off"

// Resolve fills the defaults that depend on other fields (database path, blob
// directory, public URL) and validates everything, returning every problem at once.
func (b *Base) Resolve() error {
	var errs []error
	if b.DataDir == "" {
		errs = append(errs, errors.New("--data-dir must not be empty"))
	}
	if b.Database == "" {
		b.Database = "sqlite:" + filepath.Join(b.DataDir, "blankett.db")
	}
	if b.Blob.Dir == "" {
		b.Blob.Dir = filepath.Join(b.DataDir, "blobs")
	}
	if _, _, err := net.SplitHostPort(b.Addr); err != nil {
		errs = append(errs, fmt.Errorf("--addr %q: %w", b.Addr, err))
	}
	if b.AdminAddr != AdminOff {
		if _, _, err := net.SplitHostPort(b.AdminAddr); err != nil {
			errs = append(errs, fmt.Errorf("--admin-addr %q: %w", b.AdminAddr, err))
		} else if b.AdminAddr == b.Addr && !strings.HasSuffix(b.Addr, ":0") {
			errs = append(errs, errors.New("--admin-addr must differ from --addr"))
		}
	}
	if b.PublicURL == "" {
		b.PublicURL = "http://" + b.Addr
	} else if u, err := url.Parse(b.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--public-url %q must be an absolute http(s) URL", b.PublicURL))
	}
	b.PublicURL = strings.TrimRight(b.PublicURL, "/")
	errs = append(errs, b.Blob.validate()...)
	if !oneOf(b.LogLevel, "debug", "info", "warn", "error") {
		errs = append(errs, fmt.Errorf("--log-level %q: want debug, info, warn or error", b.LogLevel))
	}
	if !oneOf(b.LogFormat, "json", "text") {
		errs = append(errs, fmt.Errorf("--log-format %q: want json or text", b.LogFormat))
	}
	if b.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("--shutdown-timeout must be positive"))
	}
	if err := CheckDatabaseMaxActive(b.DatabaseMaxActive); err != nil {
		errs = append(errs, err)
	}
	if err := CheckGCPercent(b.GCPercent); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return nil
}

func (c BlobConfig) validate() []error {
	switch c.Backend {
	case "fs":
		if !oneOf(c.FSSync, "", "full", "none") {
			return []error{fmt.Errorf("--blob-fs-sync %q: want full or none", c.FSSync)}
		}
		return nil
	case "s3":
		var errs []error
		if u, err := url.Parse(c.S3Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("--s3-endpoint %q must be an http(s) URL when --blob=s3", c.S3Endpoint))
		}
		if c.S3Bucket == "" {
			errs = append(errs, errors.New("--s3-bucket is required when --blob=s3"))
		}
		if c.S3AccessKey == "" || c.S3SecretKey == "" {
			errs = append(errs, errors.New("--s3-access-key and --s3-secret-key are required when --blob=s3"))
		}
		return errs
	}
	return []error{fmt.Errorf("--blob %q: want fs or s3", c.Backend)}
}

func oneOf(s string, opts ...string) bool {
	for _, o := range opts {
		if s == o {
			return true
		}
	}
	return false
}
