// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blankett/blankett/runtime/client"
	"github.com/spf13/cobra"
)

// errPartial reports a download run in which something failed (exit code 1).
var errPartial = errors.New("download incomplete")

// downloadOptions are the download command's flags.
type downloadOptions struct {
	app, out, profile  string
	excludeConfirmedBy string
	confirm, complete  bool
	parallel           int
}

func newDownloadCommand() *cobra.Command {
	var o downloadOptions
	cmd := &cobra.Command{
		Use:   "download --app org/app --out DIR",
		Short: "Download an app's instances and their data, verified, resumable, and optionally confirm them",
		Long: "download lists the app's instances by cursor and saves every data element to\n" +
			"DIR/{org}/{app}/{partyId}-{guid}/{elementId}-{filename}, with instance.json beside them.\n" +
			"Each file is written to a .part file, fsynced, checked against its SHA-256 and then renamed;\n" +
			"an interrupted .part file is resumed, a verified file is skipped. With --confirm each instance\n" +
			"whose process has ended is confirmed (POST …/complete) once all its files are on disk, so the\n" +
			"next run, which by default excludes instances confirmed by the org, fetches nothing again.\n" +
			"Drafts (listed with --complete=false) are downloaded but never confirmed, so a later run still\n" +
			"fetches their final submission. An instance whose PDF receipt is still being made is not\n" +
			"confirmed yet; the next run fetches the receipt and confirms it.\n" +
			"The confirmation holds only for the instance as downloaded (If-Match): one that changed meanwhile is\n" +
			"read again and what it gained is fetched before it is confirmed.\n" +
			"Exit code 1 means some files or confirmations failed; they are listed on stderr. An app the\n" +
			"runtime does not have is exit code 2.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			org, _, err := splitApp(o.app)
			if err != nil {
				return err
			}
			if o.out == "" {
				return usageError{fmt.Errorf("download needs --out")}
			}
			if o.parallel < 1 || o.parallel > 64 {
				return usageError{fmt.Errorf("--parallel must be 1 to 64")}
			}
			if !cmd.Flags().Changed("exclude-confirmed-by") {
				o.excludeConfirmedBy = org
			}
			p, err := loadProfile(o.profile)
			if err != nil {
				return err
			}
			c, err := p.newClient()
			if err != nil {
				return err
			}
			if err := checkApp(cmd.Context(), c, o.app); err != nil {
				return err
			}
			if err := makeDirs(o.out); err != nil {
				return fmt.Errorf("create %s: %w", o.out, err)
			}
			r := &downloadRun{c: c, opt: o, prog: newProgress(cmd.ErrOrStderr()), sem: make(chan struct{}, o.parallel),
				brk: newBreaker(p.URL)}
			r.run(cmd.Context())
			r.prog.done()
			return r.report(cmd)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.app, "app", "", "app id, org/app")
	f.StringVar(&o.out, "out", "", "target folder")
	f.StringVar(&o.profile, "profile", defaultProfile, "profile saved by blankett login")
	f.BoolVar(&o.confirm, "confirm", false, "confirm each ended instance (POST …/complete) once all its files are saved; drafts are never confirmed")
	f.BoolVar(&o.complete, "complete", true, "only instances whose process has ended; --complete=false takes all")
	f.StringVar(&o.excludeConfirmedBy, "exclude-confirmed-by", "", "skip instances confirmed by this stakeholder (default: the app's org; \"\" for none)")
	f.IntVar(&o.parallel, "parallel", 4, "files downloaded at the same time")
	return cmd
}

// downloadRun is one run of the download command.
type downloadRun struct {
	c    *client.Client
	opt  downloadOptions
	prog *progress
	sem  chan struct{} // bounds the files in flight

	instances, files, skipped, confirmed atomic.Int64
	// waiting counts instances not confirmed because their PDF receipt is
	// still being made; the next run fetches and confirms them.
	waiting atomic.Int64
	// drafts counts instances not confirmed, with --confirm, because their
	// process has not ended: confirming one would leave its final submission
	// out of every default run.
	drafts atomic.Int64
	bytes  atomic.Int64

	mu       sync.Mutex
	failures []string
	brk      *breaker // stops the run when the runtime is gone
}

// fail records a failure, unless it is the breaker's to count (the runtime
// gone, or a call the stop broke off).
func (r *downloadRun) fail(what string, err error) {
	if r.brk.absorb(what, err) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, what+": "+err.Error())
}

// run lists the instances page by page and handles them as they come, a
// bounded number at a time.
func (r *downloadRun) run(ctx context.Context) {
	q := client.Query{AppID: r.opt.app, ExcludeConfirmedBy: r.opt.excludeConfirmedBy}
	if r.opt.complete {
		t := true
		q.IsComplete = &t
	}
	ctx, done := r.brk.start(ctx)
	defer done()
	var wg sync.WaitGroup
	slots := make(chan struct{}, 2*r.opt.parallel)
	for in, err := range r.c.Instances(ctx, q) {
		if err != nil {
			r.fail("list instances", err)
			break
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			r.instance(ctx, in)
		})
	}
	wg.Wait()
}

// confirmTimeout bounds a confirmation, which a stop does not cut off.
const confirmTimeout = time.Minute

// confirmAttempts bounds how often one instance is read again because it
// changed between its download and its confirmation.
const confirmAttempts = 3

// errGained is a confirmed instance whose answer lists files not saved.
var errGained = errors.New("it gained files that were not saved")

// instance saves one instance's files and metadata, then confirms it if asked,
// if its process has ended and if everything is on disk. A draft is never
// confirmed: default runs leave confirmed instances out, so its final
// submission would never be fetched. The confirmation holds only for the
// instance as saved (If-Match): one that changed meanwhile (a PDF receipt
// finished) is read again, what it gained is saved, and the confirmation
// repeated. A confirmation the runtime refuses because the PDF receipt is still
// being made leaves the instance for the next run.
func (r *downloadRun) instance(ctx context.Context, in client.Instance) {
	r.instances.Add(1)
	dir := instanceDir(r.opt.out, in)
	saved := map[string]string{} // element id → content hash saved in this run
	for attempt := 1; ; attempt++ {
		if !r.save(ctx, dir, in, saved) || !r.opt.confirm {
			return
		}
		if in.Process.Ended == nil {
			r.drafts.Add(1)
			return
		}
		if ctx.Err() != nil { // stopped: no new confirmation starts
			r.fail(in.ID+" confirm", context.Cause(ctx))
			return
		}
		// A confirmation under way is let finish: cut off, the server may have
		// recorded it while the report says it was not.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), confirmTimeout)
		out, err := r.c.CompleteUnchanged(cctx, in)
		cancel()
		ae, _ := errors.AsType[*client.APIError](err)
		switch {
		case err == nil:
			r.confirmed.Add(1)
			// A server that ignores If-Match (an older runtime, Altinn's) confirms
			// even an instance that gained files; its answer lists them.
			if !r.saveFiles(ctx, dir, out, saved) {
				r.fail(in.ID+" after confirming (run again with --exclude-confirmed-by '' to fetch it)", errGained)
				return
			}
			if err := writeJSONFile(filepath.Join(dir, "instance.json"), out.Raw); err != nil {
				// The old instance.json is intact (written atomically) but predates
				// the confirmation; only a run that lists confirmed instances too
				// reaches it again.
				r.fail(in.ID+" instance.json", fmt.Errorf("confirmed, with all its files saved, but instance.json "+
					"still shows it unconfirmed: %w; fix that, then run again with --exclude-confirmed-by '' to rewrite it", err))
			}
			return
		case ae != nil && ae.Code == client.CodePDFPending:
			r.waiting.Add(1)
			return
		case ae != nil && ae.Code == client.CodeInstanceChanged && attempt < confirmAttempts:
			id := in.ID
			if in, err = r.c.Instance(ctx, in.PartyID(), in.GUID()); err != nil {
				r.fail(id+" read again", err)
				return
			}
		default:
			r.fail(in.ID+" confirm", err)
			return
		}
	}
}

// save writes the files of in that are not yet on disk, then instance.json; it
// reports whether everything was saved.
func (r *downloadRun) save(ctx context.Context, dir string, in client.Instance, saved map[string]string) bool {
	if !r.saveFiles(ctx, dir, in, saved) {
		return false // not confirmed: the next run resumes it
	}
	if err := writeJSONFile(filepath.Join(dir, "instance.json"), in.Raw); err != nil {
		r.fail(in.ID+" instance.json", err)
		return false
	}
	return true
}

// saveFiles writes the files of in that are not yet on disk; it reports
// whether all were saved. saved maps the elements this run has already saved
// to their content hash: those are not looked at again unless their content
// changed, and it gains what this call saves.
func (r *downloadRun) saveFiles(ctx context.Context, dir string, in client.Instance, saved map[string]string) bool {
	if err := makeDirs(dir); err != nil {
		r.fail(in.ID, err)
		return false
	}
	var wg sync.WaitGroup
	var failed atomic.Bool
	var mu sync.Mutex // guards saved against the downloads in flight
	record := func(e client.DataElement) {
		mu.Lock()
		defer mu.Unlock()
		saved[e.ID] = e.ContentHash
	}
	for _, e := range in.Data {
		mu.Lock()
		h, ok := saved[e.ID]
		mu.Unlock()
		if ok && h == e.ContentHash {
			continue
		}
		path := filepath.Join(dir, dataFileName(e))
		if alreadyComplete(path, e) {
			r.skipped.Add(1)
			record(e)
			continue
		}
		r.prog.expect(e.Size)
		wg.Go(func() {
			select {
			case r.sem <- struct{}{}:
			case <-ctx.Done():
				failed.Store(true)
				r.fail(in.ID+" data "+e.ID, ctx.Err())
				return
			}
			defer func() { <-r.sem }()
			n, err := downloadFile(ctx, r.c, e, path, r.prog)
			r.bytes.Add(n)
			if err != nil {
				failed.Store(true)
				r.fail(in.ID+" data "+e.ID, err)
				return
			}
			r.files.Add(1)
			record(e)
		})
	}
	wg.Wait()
	return !failed.Load()
}

// report prints the summary, and the failures on stderr.
func (r *downloadRun) report(cmd *cobra.Command) error {
	fmt.Fprintf(cmd.OutOrStdout(), "%d instances: %d files downloaded (%d bytes), %d already complete, %d confirmed\n",
		r.instances.Load(), r.files.Load(), r.bytes.Load(), r.skipped.Load(), r.confirmed.Load())
	if n := r.drafts.Load(); n > 0 {
		fmt.Fprintf(cmd.OutOrStdout(), "%d drafts downloaded, not confirmed: their process has not ended; a run after it has fetches their final submission and confirms them\n", n)
	}
	if n := r.waiting.Load(); n > 0 {
		fmt.Fprintf(cmd.OutOrStdout(), "%d not confirmed yet: their PDF receipt is still being made; the next run fetches and confirms them\n", n)
	}
	w := cmd.ErrOrStderr()
	stopped := r.brk.report(w)
	var err error
	if stopped {
		err = fmt.Errorf("%w: %w", errPartial, errUnreachable)
	}
	if len(r.failures) == 0 {
		return err
	}
	slices.Sort(r.failures)
	fmt.Fprintf(w, "%d failed:\n", len(r.failures))
	for _, f := range r.failures {
		fmt.Fprintln(w, "  "+f)
	}
	if stopped {
		return fmt.Errorf("%w: %d failed, and %w", errPartial, len(r.failures), errUnreachable)
	}
	return fmt.Errorf("%w: %d failed", errPartial, len(r.failures))
}
