// SPDX-License-Identifier: MIT

package runtime

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
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

// Start implements platform.Role: it records the installation and mounts the start
// page and the login and identity routes. The instance API and forms UI join here as
// they are built, behind the auth handler's Authenticate middleware.
func (r *Role) Start(ctx context.Context, deps platform.Deps, e *gin.Engine) error {
	if err := r.cfg.Validate(deps.Dev, deps.PublicURL); err != nil {
		return err
	}
	in, err := platform.EnsureInstallation(ctx, deps.DB, installationTable, deps.Version)
	if err != nil {
		return err
	}
	deps.Log.Info("runtime installation", "id", in.ID, "since", in.CreatedAt)
	opts, err := r.authOptions(deps, store.New(deps.DB))
	if err != nil {
		return err
	}
	h, err := auth.New(opts)
	if err != nil {
		return err
	}
	h.Mount(e)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		e.Handle(m, "/", startPage)
	}
	return nil
}

// authOptions turns the validated configuration into the auth handler's options,
// generating what dev mode may generate and warning about what an operator should set.
func (r *Role) authOptions(deps platform.Deps, st *store.Store) (auth.Options, error) {
	c, log := r.cfg, deps.Log.With(slog.String("role", "runtime"))
	o := auth.Options{Store: st, Log: log, PublicURL: deps.PublicURL, Dev: deps.Dev,
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
