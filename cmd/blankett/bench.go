// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/loadtest"
	"github.com/blankett/blankett/internal/platform"
	"github.com/spf13/cobra"
)

// benchScenarios are the scenario names, in the order they run.
func benchScenarios() []string {
	return []string{"baseline", "instantiate", "submit", "baseline-read", "page"}
}

// benchOptions are the bench command's flags.
type benchOptions struct {
	app, logLevel string
	blobSync      string
	gcPercent     int
	maxActive     int
	pdf           bool
	cpuProfile    string
	memProfile    string
	// databases are the engines to run on in turn: "sqlite" (a temporary file)
	// or a PostgreSQL DSN.
	databases     []string
	scenarios     []string
	clients, size int
	duration      time.Duration
	count         int64
}

func newBenchCommand() *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the runtime under load on this machine: instantiations, submissions, form pages, against a bare INSERT",
		Long: "bench starts the runtime in this process on 127.0.0.1 (SQLite in a temporary folder, or\n" +
			"--database postgres://…; repeat --database, e.g. --database sqlite --database postgres://…, to\n" +
			"measure several engines in one run, each against its own baseline), serves one app (--app DIR, default the corpus app signing-test),\n" +
			"seeds an end user with the roles to fill it in and issues them a platform token. Then it runs\n" +
			"each scenario with --clients concurrent clients for --duration (or --count operations):\n" +
			"  baseline       a bare gin handler doing one INSERT into a one-table schema on the same database\n" +
			"  instantiate    POST /{org}/{app}/instances\n" +
			"  submit         instantiate + PUT ~--size bytes of valid XML + PUT process/next (validates)\n" +
			"  baseline-read  the same bare handler reading one row by key: the floor for a read-only request\n" +
			"  page           GET the forms UI's page of an instance (skipped when there is no forms UI)\n" +
			"and prints requests, errors, throughput, p50/p95/p99 latency, the CPU this process spent per\n" +
			"operation (runtime and clients together; a PostgreSQL server's CPU is not in it) and the\n" +
			"ratio to the baseline. A submission is also counted request by request: all three together\n" +
			"(submit (per request)), then each on its own row (submit: PUT /data/{id} …), so that a slow\n" +
			"tail can be traced to the request that holds it. Under the table, a line per scenario says what\n" +
			"the runtime's storage waited (from its own /metrics): blob puts, and on SQLite the one writer's\n" +
			"queue and the transactions per commit.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(); err != nil {
				return usageError{err}
			}
			// The runtime logs from its own goroutines: to the process's stderr, not
			// to a writer the command may share with its output.
			return runBench(cmd.Context(), cmd.OutOrStdout(), os.Stderr, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.app, "app", "", "app repository directory (the folder holding App/); default the corpus app "+defaultBenchApp)
	f.StringArrayVar(&o.databases, "database", []string{"sqlite"}, "database: sqlite (a temporary file) or a PostgreSQL DSN such as postgres://user:pw@127.0.0.1/db; repeat to run on several")
	f.StringSliceVar(&o.scenarios, "scenarios", benchScenarios(), "scenarios to run")
	f.IntVar(&o.clients, "clients", 64, "concurrent clients")
	f.DurationVar(&o.duration, "duration", 10*time.Second, "how long each scenario runs")
	f.Int64Var(&o.count, "count", 0, "stop each scenario after this many operations (0: run for --duration)")
	f.IntVar(&o.size, "size", 10*1024, "bytes of form data (XML) each submission PUTs, at least")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the scenarios (client and server together) to this file")
	f.StringVar(&o.memProfile, "memprofile", "", "write a profile of the memory allocated since the program started (client and server together) to this file")
	f.StringVar(&o.blobSync, "blob-fs-sync", "full", "the fs blob store's durability (full or none), to see what fsync costs")
	f.IntVar(&o.gcPercent, "gc-percent", config.DefaultGCPercent, "the runtime's --gc-percent, which applies to the whole bench process, clients included (GOGC, when set, wins)")
	f.IntVar(&o.maxActive, "database-max-active", 0, "the runtime's --database-max-active on PostgreSQL (0: its default, twice GOMAXPROCS and at least 4)")
	f.StringVar(&o.logLevel, "log-level", "warn", "the runtime's log level (its log goes to stderr)")
	f.BoolVar(&o.pdf, "pdf", false, "let the runtime print PDF receipts during the run (Chromium from PATH); off by default, since they are made after the request by the outbox worker and their cost is measured on its own (go test ./runtime/internal/pdf -bench Print)")
	return cmd
}

func (o benchOptions) check() error {
	opt := loadtest.Options{Clients: o.clients, Duration: o.duration, Count: o.count}
	if err := opt.Validate(); err != nil {
		return err
	}
	for _, s := range o.scenarios {
		if !slices.Contains(benchScenarios(), s) {
			return fmt.Errorf("unknown scenario %q (have %s)", s, strings.Join(benchScenarios(), ", "))
		}
	}
	if o.size < 0 || o.size > 10<<20 {
		return fmt.Errorf("--size must be 0 to 10 MiB")
	}
	if err := config.CheckGCPercent(o.gcPercent); err != nil {
		return err
	}
	if err := config.CheckDatabaseMaxActive(o.maxActive); err != nil {
		return err
	}
	for _, db := range o.databases {
		if db == "sqlite" {
			continue
		}
		if d, _, err := dbx.ParseDSN(db); err != nil || d != dbx.Postgres {
			return fmt.Errorf("--database must be sqlite (a temporary file) or a PostgreSQL DSN")
		}
	}
	return nil
}

// runBench runs the chosen scenarios on each database in turn.
func runBench(ctx context.Context, out, logs io.Writer, o benchOptions) (err error) {
	appDir := o.app
	if appDir == "" {
		if appDir, err = findCorpusApp(defaultBenchApp); err != nil {
			return err
		}
	}
	a, err := loadBenchApp(appDir)
	if err != nil {
		return err
	}
	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, stop()) }()
	}
	if o.memProfile != "" {
		defer func() { err = errors.Join(err, writeAllocProfile(o.memProfile)) }()
	}
	for i, database := range o.databases {
		if i > 0 {
			fmt.Fprintln(out)
		}
		if database == "sqlite" {
			database = ""
		}
		if err := benchEngine(ctx, out, logs, o, a, appDir, database); err != nil {
			return err
		}
	}
	return nil
}

// benchEngine starts the runtime on one database (SQLite in a temporary folder
// when database is empty), runs the scenarios and prints their table.
func benchEngine(ctx context.Context, out, logs io.Writer, o benchOptions, a *benchApp, appDir, database string) (err error) {
	dir, err := os.MkdirTemp("", "blankett-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	rt, err := startLocalRuntime(ctx, localRuntimeOptions{Dir: dir, Database: database, AppDir: appDir, LogLevel: o.logLevel, Logs: logs,
		BlobSync: o.blobSync, GCPercent: o.gcPercent, MaxActive: o.maxActive, PDFChromium: pdfChromium(o.pdf)})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, rt.Close()) }()
	db, err := dbx.Open(ctx, rt.Database)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(out, "blankett bench: app %s/%s on %s (%s), %d clients, %s per scenario, --blob-fs-sync %s, gc target %s",
		a.Org, a.Name, rt.URL, db.Dialect, o.clients, o.duration, o.blobSync, platform.GCTarget(o.gcPercent))
	if o.count > 0 {
		fmt.Fprintf(out, " or %d operations", o.count)
	}
	if db.Dialect == dbx.Postgres {
		fmt.Fprintf(out, ", --database-max-active %d", dbx.GateSize(o.maxActive))
	}
	fmt.Fprintln(out)
	results, notes, err := benchRun(ctx, out, rt, a, db, o)
	if err != nil {
		return err
	}
	var base *loadtest.Result
	if i := slices.IndexFunc(results, func(r loadtest.Result) bool { return r.Name == "baseline" }); i >= 0 {
		base = &results[i]
	}
	if err := loadtest.Print(out, results, base); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(out, n)
	}
	return nil
}

// startCPUProfile profiles this process into path until stop is called.
func startCPUProfile(path string) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() error { pprof.StopCPUProfile(); return f.Close() }, nil
}

// writeAllocProfile writes the allocations since the program started to path,
// after a collection so that the profile is up to date (as go test -memprofile).
func writeAllocProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(pprof.Lookup("allocs").WriteTo(f, 0), f.Close())
}

// pdfChromium is the runtime's --pdf-chromium for the bench's --pdf.
func pdfChromium(on bool) string {
	if on {
		return ""
	}
	return "off"
}
