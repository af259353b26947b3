// SPDX-License-Identifier: MIT

package runtime

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/api"
	appapi "github.com/blankett/blankett/runtime/internal/api/app"
	deployapi "github.com/blankett/blankett/runtime/internal/api/deploy"
	eventsapi "github.com/blankett/blankett/runtime/internal/api/events"
	storageapi "github.com/blankett/blankett/runtime/internal/api/storage"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/blankett/blankett/runtime/internal/web/forms"
	"github.com/gin-gonic/gin"
)

// installationTable holds the runtime's installation identity.
const installationTable = "runtime_installation"

// Role is the runtime as a platform.Role.
type Role struct {
	cfg Config
}

// New returns the runtime role configured by cfg.
func New(cfg Config) *Role { return &Role{cfg: cfg} }

// Name implements platform.Role.
func (r *Role) Name() string { return "runtime" }

// Migrations implements platform.Role.
func (r *Role) Migrations() dbx.MigrationSet {
	return dbx.MigrationSet{Name: "runtime", Migrations: append(append([]dbx.Migration{
		platform.InstallationMigration(installationTable),
	}, store.Migrations()...), apphost.Migrations()...)}
}

// Start implements platform.Role: it records the installation, loads the hosted apps
// (recorded releases, then every --app directory) and mounts the start page, the
// login and identity routes, the app API behind the auth handler's Authenticate
// middleware, the pull API, the deploy API (runtime/internal/api/deploy) and the
// OpenAPI document (runtime/api) that describes them all, and the citizen forms UI
// (runtime/internal/web/forms) with its stylesheets and the Events API; last it
// starts the event delivery worker, the PDF receipt worker (when a Chromium is
// found) and the orphan-blob sweeper as platform workers. Where that PDF worker
// runs, a first complete confirmation waits for the instance's pending PDF jobs.
func (r *Role) Start(ctx context.Context, deps platform.Deps, e *gin.Engine) error {
	if err := r.cfg.Validate(deps.Dev, deps.PublicURL); err != nil {
		return err
	}
	in, err := platform.EnsureInstallation(ctx, deps.DB, installationTable, deps.Version)
	if err != nil {
		return err
	}
	deps.Log.Info("runtime installation", "id", in.ID, "since", in.CreatedAt)
	st := store.New(deps.DB)
	opts, err := r.authOptions(deps, st)
	if err != nil {
		return err
	}
	h, err := auth.New(opts)
	if err != nil {
		return err
	}
	h.Mount(e)
	host, err := r.startApps(ctx, deps)
	if err != nil {
		return err
	}
	worker := r.eventsWorker(deps, st)
	chromium, noPDF, err := r.pdfChromium(deps.Log.With(slog.String("role", "runtime")))
	if err != nil {
		return err
	}
	nudgePDF := &pdfNudge{}
	// Only where a PDF worker runs (startPDF) does every PDF job end, so only
	// there may confirmations wait for them.
	printsPDF := chromium != "" && deps.Go != nil
	svc := instances.New(instances.Options{Store: st, Blobs: deps.Blob, Apps: host, PublicURL: deps.PublicURL,
		Log: deps.Log.With(slog.String("role", "runtime")), OnPublish: worker.Nudge, NoPDF: noPDF, OnPDF: nudgePDF.nudge, WaitPDF: printsPDF})
	// Roles are cached per (user, party) for authz.DefaultRoleTTL; see operators.md.
	az := authz.New(authz.NewCachedRoles(authz.StoreRoles{Store: st}, 0, 0))
	appapi.New(svc, az, deps.Log).Mount(e, h.Authenticate())
	ui, err := forms.New(forms.Options{Service: svc, Store: st, Authz: az, Log: deps.Log.With(slog.String("role", "runtime")),
		PublicURL: deps.PublicURL})
	if err != nil {
		return err
	}
	ui.Mount(e, h.Authenticate())
	// The pull API serves machine clients only: bearer tokens, no browser sessions.
	storageapi.Register(e, storageapi.Deps{Store: st, Blobs: deps.Blob, Auth: h.Bearer(), Log: deps.Log, PublicURL: deps.PublicURL,
		WaitPDF: printsPDF})
	// Subscriptions and the event pull API serve service owners' machine clients only.
	eventsapi.Register(e, eventsapi.Deps{Store: st, Auth: h.Bearer(), Log: deps.Log.With(slog.String("role", "runtime")),
		PublicURL: deps.PublicURL, Dev: deps.Dev, Nudge: worker.Nudge})
	// Deploys come from machine clients (or studio) with blankett:deploy, never a browser.
	deployapi.Register(e, deployapi.Deps{Host: host, Pins: st, Auth: h.Bearer(), Log: deps.Log.With(slog.String("role", "runtime"))})
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		e.Handle(m, "/", startPage(host))
	}
	e.GET(api.Path, gin.WrapH(api.Handler()))
	r.startEvents(deps, worker)
	r.startPDF(deps, st, svc, ui, chromium, nudgePDF)
	return r.startSweeper(deps, st)
}

// startApps creates the app host on the runtime's database and blob store, reloads
// every recorded release and then loads each --app directory, which wins over a
// deployed release of the same app as its current version.
func (r *Role) startApps(ctx context.Context, deps platform.Deps) (*apphost.Host, error) {
	host := apphost.New(deps.DB, deps.Blob)
	log := deps.Log.With(slog.String("role", "runtime"))
	n, err := host.Restore(ctx)
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		// One bad bundle must not take every other app down with it.
		log.Error("some app releases could not be restored", "err", err)
	}
	log.Info("app releases restored", "count", n)
	for _, dir := range r.cfg.Apps {
		rel, err := host.LoadDir(ctx, dir)
		if err != nil {
			return nil, fmt.Errorf("runtime: --app %s: %w", dir, err)
		}
		log.Info("app loaded from directory", "app", rel.ID, "dir", rel.Dir, "warnings", len(rel.Lint.Findings))
	}
	return host, nil
}

// authOptions turns the validated configuration into the auth handler's options,
// generating what dev mode may generate and warning about what an operator should set.
func (r *Role) authOptions(deps platform.Deps, st *store.Store) (auth.Options, error) {
	c, log := r.cfg, deps.Log.With(slog.String("role", "runtime"))
	o := auth.Options{Store: st, Log: log, PublicURL: deps.PublicURL, Dev: deps.Dev, Stylesheets: forms.Stylesheets(),
		OIDC: auth.OIDC{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret,
			ACRValues: c.OIDCACRValues, StateKey: []byte(c.LoginStateKey)},
		Idle: c.SessionIdle, Absolute: c.SessionMaxAge}
	var err error
	switch {
	case c.TokenSigningKey != "":
		if o.SigningKey, err = LoadSigningKey(c.TokenSigningKey); err != nil {
			return o, err
		}
	case deps.Dev:
		if o.SigningKey, err = authn.GenerateSigningKey(); err != nil {
			return o, err
		}
		log.Warn("dev mode: platform tokens are signed with a key generated for this process; they stop verifying at restart")
	}
	if c.DevSeed != "" {
		seed, err := devidp.LoadSeed(c.DevSeed)
		if err != nil {
			return o, err
		}
		o.Seed = &seed
	}
	switch {
	case !deps.Dev && !c.loginConfigured():
		log.Warn("login and platform tokens are not configured: /login and the token endpoint answer 503; set --oidc-issuer, --oidc-client-id and --token-signing-key-file")
	case deps.Dev && c.OIDCIssuer == "":
		log.Warn("dev mode: citizen login uses the built-in dev IdP with test users", "issuer", deps.PublicURL+auth.PathDevIdP)
	}
	if c.LoginStateKey == "" && (deps.Dev || c.loginConfigured()) {
		log.Warn("no --login-state-key: a random key is used, so a login started on one replica fails on another")
	}
	if strings.HasPrefix(deps.PublicURL, "http://") && !deps.Dev && c.loginConfigured() {
		log.Warn("public URL is plain http: the session cookie cannot be Secure; serve the runtime over https")
	}
	return o, nil
}
