// SPDX-License-Identifier: MIT

package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/blankett/blankett/internal/blob/blobmetrics"
	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/obs"
)

// Options configure Run.
type Options struct {
	// Version is the build version, reported in logs and /healthz.
	Version string
	// Logs receives the structured log.
	Logs io.Writer
	// Effective is the whole typed configuration of the command (Base plus the roles'
	// own sections); it is logged at start-up with secrets redacted.
	Effective any
	// Roles are mounted on one public listener, in order.
	Roles []Role
	// Ready, when set, is called once both listeners accept connections, with the bound
	// public and admin addresses (admin is "" when disabled).
	Ready func(public, admin string)
}

// Run boots the platform from cfg (which must have been resolved) and serves until ctx
// is cancelled; then in-flight requests finish (up to cfg.ShutdownTimeout) and the
// database is closed.
func Run(ctx context.Context, cfg config.Base, opt Options) error {
	start := time.Now()
	log, err := obs.NewLogger(opt.Logs, cfg.LogLevel, cfg.LogFormat)
	if err != nil {
		return err
	}
	gc := applyGCPercent(cfg.GCPercent, os.LookupEnv)
	attrs := []any{slog.String("version", opt.Version), slog.String("roles", roleNames(opt.Roles)), slog.String("gc_target", gc)}
	for _, a := range config.Attrs(opt.Effective) {
		attrs = append(attrs, a)
	}
	log.Info("starting", attrs...)
	if cfg.Dev {
		log.Warn("development mode: dev login and demo data are enabled; never use this in production")
	}

	db, err := dbx.Open(ctx, cfg.Database, dbx.WithMaxActive(cfg.DatabaseMaxActive))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := migrateOrCheck(ctx, db, cfg.Migrate, opt.Roles, log); err != nil {
		return err
	}
	store, err := OpenBlob(ctx, cfg.Blob)
	if err != nil {
		return err
	}
	warnDataFS(log, cfg, hostProbe)

	m := httpx.NewMetrics()
	if store, err = blobmetrics.Wrap(store, cfg.Blob.Backend, m.Registry); err != nil {
		return err
	}
	if err := db.RegisterMetrics(m.Registry); err != nil {
		return err
	}
	e := httpx.NewEngine(log, m)
	// Workers stop with the server and end before the database closes: this
	// deferred call runs before the deferred db.Close above.
	wctx, stopWorkers := context.WithCancel(ctx)
	var workers sync.WaitGroup
	defer func() { stopWorkers(); workers.Wait() }()
	deps := Deps{DB: db, Blob: store, PublicURL: cfg.PublicURL, DataDir: cfg.DataDir, Dev: cfg.Dev, Version: opt.Version, Log: log,
		Metrics: m.Registry, Go: func(fn func(context.Context)) { workers.Go(func() { fn(wctx) }) }}
	for _, r := range opt.Roles {
		if err := r.Start(ctx, deps, e); err != nil {
			return fmt.Errorf("platform: start %s: %w", r.Name(), err)
		}
	}
	ls := []httpx.Listener{{Name: "public", Addr: cfg.Addr, Handler: httpx.Public(e)}}
	if cfg.AdminAddr != config.AdminOff {
		ls = append(ls, httpx.Listener{Name: "admin", Addr: cfg.AdminAddr, Handler: httpx.AdminHandler(m, opt.Version,
			httpx.Check{Name: "database", Fn: db.Ping},
			httpx.Check{Name: "blob", Fn: store.Ping})})
	}
	srv, err := httpx.Listen(log, ls...)
	if err != nil {
		return err
	}
	log.Info("ready", slog.Float64("startup_ms", float64(time.Since(start).Microseconds())/1000),
		slog.String("url", cfg.PublicURL), slog.String("admin", srv.Addr("admin")))
	if opt.Ready != nil {
		opt.Ready(srv.Addr("public"), srv.Addr("admin"))
	}
	err = srv.Serve(ctx, cfg.ShutdownTimeout)
	log.Info("stopped")
	return err
}

// migrateOrCheck applies the roles' migrations, or, with migration at start-up
// disabled, refuses to start on a database that is behind.
func migrateOrCheck(ctx context.Context, db *dbx.DB, migrate bool, roles []Role, log *slog.Logger) error {
	for _, r := range roles {
		set := r.Migrations()
		if migrate {
			applied, err := db.Migrate(ctx, set, nil)
			for _, a := range applied {
				log.Info("migration applied", "set", set.Name, "version", a.Version, "name", a.Name)
			}
			if err != nil {
				return err
			}
			continue
		}
		n, err := db.Pending(ctx, set)
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("platform: the %s schema has %d pending migrations; run `blankett migrate` or start with --migrate", set.Name, n)
		}
	}
	return nil
}

// Migrate applies every role's pending migrations and reports each to w.
func Migrate(ctx context.Context, cfg config.Base, roles []Role, w io.Writer) error {
	db, err := dbx.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.Close()
	var errs []error
	for _, r := range roles {
		set := r.Migrations()
		applied, err := db.Migrate(ctx, set, nil)
		for _, a := range applied {
			fmt.Fprintf(w, "%s: applied %d %s\n", set.Name, a.Version, a.Name)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(applied) == 0 {
			fmt.Fprintf(w, "%s: up to date\n", set.Name)
		}
	}
	return errors.Join(errs...)
}

func roleNames(roles []Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = r.Name()
	}
	return strings.Join(names, ",")
}
