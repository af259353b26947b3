// SPDX-License-Identifier: MIT

package dbx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names a database engine.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// sqlitePragmas are applied to every SQLite connection: WAL so readers never block the
// writer, a busy timeout instead of immediate SQLITE_BUSY, enforced foreign keys, and
// synchronous=NORMAL, which is durable in WAL mode except for the last commits on power
// loss. _txlock=immediate takes the write lock at BEGIN, so a transaction that reads and
// then writes cannot fail half-way with a snapshot conflict. temp_store=MEMORY keeps
// the statement sub-journal in memory: the Batcher runs every transaction of a batch
// under a savepoint, and with temp files each page a savepoint first changes was
// copied to disk (two thirds of the writer's write calls under load).
const sqlitePragmas = "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate"

// busyTimeout is how long a SQLite writer waits for the write lock: the
// busy_timeout pragma above, and the write gate's limit.
const busyTimeout = 10 * time.Second

// MaxConns bounds the connection pool of either engine; see Open.
const MaxConns = 32

// openGated returns a pool on the SQLite DSN whose writers queue at one write gate.
func openGated(dsn string) (*sql.DB, error) {
	// sql.Open only looks the driver up; it connects to nothing.
	probe, err := sql.Open(sqlite.DriverName, dsn)
	if err != nil {
		return nil, fmt.Errorf("dbx: open sqlite: %w", err)
	}
	drv := probe.Driver()
	_ = probe.Close()
	return sql.OpenDB(&gatedConnector{drv: drv, dsn: dsn, gate: newWriteGate(busyTimeout)}), nil
}

// DB is an open database with its engine.
type DB struct {
	// Gorm is the gorm handle; stores use it with WithContext.
	Gorm    *gorm.DB
	Dialect Dialect
	sql     *sql.DB
	batch   *Batcher // SQLite's; nil on PostgreSQL
	gate    *Gate    // PostgreSQL's; nil on SQLite
}

// Option configures Open.
type Option func(*options)

type options struct{ maxActive int }

// WithMaxActive sets the size of a PostgreSQL database's Gate: how many
// one-round-trip statement batches the process has at the server at once. Zero
// or less keeps DefaultMaxActive; more than MaxConns is MaxConns, since a gate
// larger than the pool would only move the wait into the pool, whose waiters
// are served in no particular order. SQLite ignores it.
func WithMaxActive(n int) Option { return func(o *options) { o.maxActive = n } }

// ParseDSN tells which engine a data source name is for and returns the DSN that engine's
// driver wants. Accepted forms: "postgres://…", "postgresql://…", a key=value string with
// host=, "sqlite:PATH" and "file:PATH" (optionally with ?query), or a bare path to a file.
func ParseDSN(dsn string) (Dialect, string, error) {
	switch {
	case dsn == "":
		return "", "", fmt.Errorf("dbx: empty database DSN")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", fmt.Errorf("dbx: invalid PostgreSQL URL: %w", errors.Unwrap(err))
		}
		return Postgres, dsn, nil
	case strings.Contains(dsn, "host=") && !strings.Contains(dsn, "://"):
		return Postgres, dsn, nil
	}
	path, query := splitSQLite(dsn)
	if path == "" {
		return "", "", fmt.Errorf("dbx: SQLite DSN %q has no file path", dsn)
	}
	q := sqlitePragmas
	if query != "" {
		q = query + "&" + q
	}
	return SQLite, "file:" + path + "?" + q, nil
}

// SQLiteFile returns the database file a SQLite DSN names (see ParseDSN); false
// for PostgreSQL or a DSN ParseDSN refuses.
func SQLiteFile(dsn string) (string, bool) {
	if dialect, _, err := ParseDSN(dsn); err != nil || dialect != SQLite {
		return "", false
	}
	path, _ := splitSQLite(dsn)
	return path, true
}

// splitSQLite splits a SQLite DSN ("sqlite:PATH", "file:PATH" or a bare path,
// each with an optional ?query) into its file path and query.
func splitSQLite(dsn string) (path, query string) {
	path, query, _ = strings.Cut(strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:"), "?")
	return path, query
}

// Open connects to the database named by dsn (see ParseDSN) and checks that it answers.
// For SQLite the file's directory is created when missing.
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	dialect, driverDSN, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	var (
		dialector gorm.Dialector
		pool      *sql.DB // SQLite's, which Open makes itself
	)
	switch dialect {
	case SQLite:
		path := strings.TrimPrefix(driverDSN, "file:")
		path, _, _ = strings.Cut(path, "?")
		if path != ":memory:" {
			if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
				return nil, fmt.Errorf("dbx: create database directory: %w", err)
			}
		}
		if pool, err = openGated(driverDSN); err != nil {
			return nil, err
		}
		dialector = &sqlite.Dialector{Conn: pool}
	case Postgres:
		dialector = postgres.New(postgres.Config{DSN: driverDSN})
	}
	g, err := gorm.Open(dialector, &gorm.Config{
		TranslateError:         true,
		DisableAutomaticPing:   true,
		SkipDefaultTransaction: true,
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC() },
		// gorm's statement cache stays off: SQLite connections keep their own
		// (stmtCache), and the pgx driver keeps one per PostgreSQL connection.
	})
	if err != nil {
		if pool != nil {
			_ = pool.Close()
		}
		return nil, fmt.Errorf("dbx: open %s: %w", dialect, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("dbx: %w", err)
	}
	// One writer at a time is SQLite's model, kept by the write gate (see
	// writeGate). A writer waits at the gate holding its connection, so the SQLite
	// pool is as large as PostgreSQL's: queued writers do not starve readers,
	// which run concurrently in WAL mode.
	sqlDB.SetMaxOpenConns(MaxConns)
	sqlDB.SetMaxIdleConns(MaxConns)
	// Idle connections are kept up to the pool size: under load a connection
	// closed for being over an idle limit is reopened a moment later, and opening
	// one (a PostgreSQL backend; SQLite's pragmas and schema read) costs far more
	// than the queries it then runs. Quiet periods still close them.
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{Gorm: g, Dialect: dialect, sql: sqlDB}
	if err := db.Ping(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	if dialect == SQLite {
		db.batch = newBatcher(sqlDB, g, busyTimeout)
	} else {
		db.gate = NewGate(GateSize(o.maxActive))
	}
	return db, nil
}

// Ping checks that the database answers a trivial query within ctx.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.sql.PingContext(ctx); err != nil {
		return fmt.Errorf("dbx: %s unreachable: %w", db.Dialect, err)
	}
	return nil
}

// SQL returns the underlying connection pool.
func (db *DB) SQL() *sql.DB { return db.sql }

// Batcher returns the group committer of a SQLite database, or nil on
// PostgreSQL, whose server commits concurrent transactions side by side.
func (db *DB) Batcher() *Batcher { return db.batch }

// Gate returns the gate of a PostgreSQL database's one-round-trip statement
// batches, or nil on SQLite, whose writers queue at its Batcher instead.
func (db *DB) Gate() *Gate { return db.gate }

// Close closes the connection pool; further use fails.
func (db *DB) Close() error {
	if db.batch != nil {
		db.batch.close()
	}
	if err := db.sql.Close(); err != nil {
		return fmt.Errorf("dbx: close: %w", err)
	}
	return nil
}
