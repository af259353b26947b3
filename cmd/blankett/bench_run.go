// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/loadtest"
)

// benchRun prepares the target (token, form data) and runs each scenario. With
// the results it returns a line per scenario on what its storage waited (see
// storageLine), to print under the table.
func benchRun(ctx context.Context, out io.Writer, rt *localRuntime, a *benchApp, db *dbx.DB, o benchOptions) (results []loadtest.Result, notes []string, err error) {
	opt := loadtest.Options{Clients: o.clients, Duration: o.duration, Count: o.count}
	opt.DBCPU = dbServerCPU(ctx, out, db)
	hc := loadtest.NewHTTPClient(o.clients)
	ttl := o.duration*time.Duration(len(o.scenarios)) + 10*time.Minute
	token, err := rt.userToken(ttl)
	if err != nil {
		return nil, nil, err
	}
	session, err := seedBrowserSession(ctx, rt.Database, rt.seed, ttl)
	if err != nil {
		return nil, nil, err
	}
	t := newBenchTarget(rt, a, hc, token)
	t.useSession(session)
	probe, err := t.instantiate(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("probe instantiation: %w", err)
	}
	if t.xmlBody, err = a.sampleXML(probe.Data[0].DataType, o.size); err != nil {
		return nil, nil, err
	}
	if err := t.submit(ctx); err != nil {
		return nil, nil, fmt.Errorf("probe submission with %d bytes of sample data: %w", len(t.xmlBody), err)
	}
	fmt.Fprintf(out, "form data: %s, %d bytes of XML per submission\n", probe.Data[0].DataType, len(t.xmlBody))
	for _, name := range benchScenarios() {
		if !slices.Contains(o.scenarios, name) {
			continue
		}
		before, serr := scrapeStorage(ctx, hc, rt.Admin)
		r, err := t.scenario(ctx, name, opt, db)
		if err != nil {
			return results, notes, fmt.Errorf("%s: %w", name, err)
		}
		results = append(results, r)
		after, aerr := scrapeStorage(ctx, hc, rt.Admin)
		if err := errors.Join(serr, aerr); err != nil {
			notes = append(notes, fmt.Sprintf("storage during %s: not measured: %v", name, err))
		} else if line := storageLine(name, before, after); line != "" {
			notes = append(notes, line)
		}
	}
	return results, notes, nil
}

// scenario runs one scenario by name.
func (t *benchTarget) scenario(ctx context.Context, name string, opt loadtest.Options, db *dbx.DB) (r loadtest.Result, err error) {
	switch name {
	case "baseline", "baseline-read":
		b, berr := loadtest.StartBaseline(ctx, db)
		if berr != nil {
			return r, berr
		}
		defer func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			err = errors.Join(err, b.Close(cctx))
		}()
		op := b.Op(t.hc)
		if name == "baseline-read" {
			if op, berr = b.ReadOp(ctx, t.hc, opt.Clients); berr != nil {
				return r, berr
			}
		}
		return loadtest.Run(ctx, name, opt, op)
	case "instantiate":
		return loadtest.Run(ctx, name, opt, func(ctx context.Context, _ int) error {
			_, err := t.instantiate(ctx)
			return err
		})
	case "submit":
		return loadtest.Run(ctx, name, opt, func(ctx context.Context, _ int) error { return t.submit(ctx) })
	case "page":
		note, err := t.probePage(ctx, opt.Clients)
		if err != nil || note != "" {
			return loadtest.Result{Name: name, Skipped: note}, err
		}
		return loadtest.Run(ctx, name, opt, t.page)
	}
	return r, fmt.Errorf("unknown scenario %q", name)
}

// dbServerCPU returns a probe of a PostgreSQL server's CPU for the "DB CPU per
// op" column when the server runs on this machine, and says on out whether it
// does. SQLite runs in this process: its CPU is in "CPU per op".
func dbServerCPU(ctx context.Context, out io.Writer, db *dbx.DB) func() (time.Duration, bool) {
	if db.Dialect != dbx.Postgres {
		return nil
	}
	sqlDB, err := db.Gorm.DB()
	if err == nil {
		var probe func() (time.Duration, bool)
		if probe, err = loadtest.PostgresCPU(ctx, sqlDB); err == nil {
			fmt.Fprintln(out, "database server: on this machine; its CPU is the DB CPU per op column")
			return probe
		}
	}
	fmt.Fprintf(out, "database server: CPU not measured: %v\n", err)
	return nil
}
