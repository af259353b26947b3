// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"

	designerui "github.com/blankett/blankett/designer-ui"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/platform"
	studioapi "github.com/blankett/blankett/studio/api"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/accounts"
	"github.com/blankett/blankett/studio/internal/release"
	"github.com/blankett/blankett/studio/internal/store"
	"github.com/gin-gonic/gin"
)

// installationTable holds studio's installation identity.
const installationTable = "studio_installation"

// Role is the studio as a platform.Role.
type Role struct {
	cfg Config
	// accounts is set by Start; git smart HTTP authenticates through it, wrapped as
	// gitAuth{svc: r.accounts} (gitauth.go).
	accounts *account.Service
}

// New returns the studio role.
func New(cfg Config) *Role { return &Role{cfg: cfg} }

// Name implements platform.Role.
func (r *Role) Name() string { return "studio" }

// Migrations implements platform.Role.
func (r *Role) Migrations() dbx.MigrationSet {
	return dbx.MigrationSet{Name: "studio", Migrations: append([]dbx.Migration{
		platform.InstallationMigration(installationTable),
	}, append(store.Migrations(), release.Migrations()...)...)}
}

// Start implements platform.Role: it records the installation, prepares accounts (the
// standard teams of every org, the configured admin, the dev seed), and mounts the
// account API, the app repositories (git smart HTTP and the editing API, repos.go), its
// OpenAPI document, the dev IdP in dev mode, and the designer UI at /studio/.
func (r *Role) Start(ctx context.Context, deps platform.Deps, e *gin.Engine) error {
	if err := r.cfg.Validate(deps.Dev); err != nil {
		return err
	}
	log := deps.Log.With(slog.String("role", "studio"))
	in, err := platform.EnsureInstallation(ctx, deps.DB, installationTable, deps.Version)
	if err != nil {
		return err
	}
	log.Info("studio installation", "id", in.ID, "since", in.CreatedAt)
	svc, err := r.startAccounts(ctx, deps, log)
	if err != nil {
		return err
	}
	r.accounts = svc
	insecure := strings.HasPrefix(deps.PublicURL, "http://")
	rp, issuer, err := r.oidc(deps, insecure, log, e)
	if err != nil {
		return err
	}
	h, err := accounts.New(accounts.Options{Accounts: svc, Cookie: api.SessionCookie(insecure), OIDC: rp, Issuer: issuer, Log: log})
	if err != nil {
		return err
	}
	h.Mount(e)
	repos, err := r.startRepos(ctx, deps, svc, insecure, log, e)
	if err != nil {
		return err
	}
	if err := r.startReleases(deps, repos, svc, insecure, log, e); err != nil {
		return err
	}
	e.GET(studioapi.Path, gin.WrapH(studioapi.Handler()))
	return r.mountUI(e)
}

// startAccounts builds the account service and brings the accounts up to date with
// the configuration.
func (r *Role) startAccounts(ctx context.Context, deps platform.Deps, log *slog.Logger) (*account.Service, error) {
	opts := account.Options{Store: store.New(deps.DB), Environments: r.cfg.Environments,
		Idle: r.cfg.SessionIdle, Absolute: r.cfg.SessionMaxAge}
	if deps.Dev {
		opts.JoinOnFirstLogin = account.DevOrg
	}
	svc, err := account.New(opts)
	if err != nil {
		return nil, fmt.Errorf("studio: %w", err)
	}
	if err := svc.EnsureStandardTeams(ctx); err != nil {
		return nil, fmt.Errorf("studio: %w", err)
	}
	if n, err := svc.PruneSessions(ctx); err != nil {
		return nil, fmt.Errorf("studio: %w", err)
	} else if n > 0 {
		log.Info("expired studio sessions deleted", "count", n)
	}
	if r.cfg.AdminUser != "" {
		_, created, err := svc.EnsureAdmin(ctx, r.cfg.AdminUser, r.cfg.AdminPassword)
		if err != nil {
			return nil, fmt.Errorf("studio: --studio-admin-user %s: %w", r.cfg.AdminUser, err)
		}
		log.Info("studio installation admin", "user", r.cfg.AdminUser, "created", created)
	}
	if deps.Dev {
		pw, err := svc.SeedDev(ctx, r.cfg.DevPassword)
		if err != nil {
			return nil, fmt.Errorf("studio: dev seed: %w", err)
		}
		attrs := []any{"org", account.DevOrg, "user", account.DevUsername}
		if r.cfg.DevPassword == "" {
			// A throwaway password for a throwaway installation; printing it is the point.
			attrs = append(attrs, "password", pw)
		}
		log.Warn("dev mode: studio demo org and user (installation admin, in every team)", attrs...)
	}
	return svc, nil
}

// mountUI serves the designer UI at /studio/. The routes are a parameter and a
// catch-all below it rather than one catch-all, because gin allows no other route
// beside a catch-all; the API's unknown paths still get a problem, not the app shell.
func (r *Role) mountUI(e *gin.Engine) error {
	ui := designerui.Handler()
	if r.cfg.UIDir != "" {
		if st, err := os.Stat(r.cfg.UIDir); err != nil || !st.IsDir() {
			return fmt.Errorf("studio: --ui-dir %q is not a directory", r.cfg.UIDir)
		}
		ui = designerui.HandlerFS(os.DirFS(r.cfg.UIDir))
	}
	h := func(c *gin.Context) {
		if p := c.Request.URL.Path; p == "/studio/api" || strings.HasPrefix(p, "/studio/api/") {
			httpx.AbortProblem(c, httpx.NewProblem(http.StatusNotFound, httpx.CodeNotFound, "No resource at this path."))
			return
		}
		ui.ServeHTTP(c.Writer, c.Request)
	}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		for _, p := range []string{"/studio", "/studio/", "/studio/:page", "/studio/:page/*rest"} {
			e.Handle(m, p, h)
		}
	}
	return nil
}
