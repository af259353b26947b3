// SPDX-License-Identifier: MIT

package studio

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/blankett/blankett/studio/internal/account"
)

// ErrConfig reports a studio configuration that cannot work.
var ErrConfig = errors.New("studio: invalid configuration")

// Config is the studio role's own configuration, beside config.Base. Its flags start
// with "studio-" because `blankett serve` registers studio's and the runtime's flags
// side by side.
//
// Login: local users log in with a password; with --studio-oidc-issuer and
// --studio-oidc-client-id set, people can also log in at that OpenID Provider (e.g.
// Ansattporten) and get an account at their first login. In dev mode without an issuer,
// studio starts its own dev IdP at PUBLIC_URL/studio/devidp.
type Config struct {
	// UIDir serves the designer UI from a directory instead of the embedded build,
	// for working on the UI with `npm run build -- --watch`.
	UIDir string `flag:"ui-dir" env:"STUDIO_UI_DIR" usage:"serve the designer UI from this directory (a Vite build) instead of the embedded one"`

	Environments []string `flag:"studio-environments" env:"STUDIO_ENVIRONMENTS" default:"test,production" usage:"deploy environments; every org gets a Deploy-<env> team for each"`
	// Where each environment's runtime is and how studio authenticates there
	// (studio/internal/deploy): one key, one machine client per org.
	EnvironmentURLs    []string `flag:"studio-environment-urls" env:"STUDIO_ENVIRONMENT_URLS" usage:"runtime base URL of each deploy environment as env=URL, comma-separated (default: this server's PUBLIC_URL for every environment)"`
	DeployKeyFile      string   `flag:"studio-deploy-key-file" env:"STUDIO_DEPLOY_KEY_FILE" usage:"private key (PKCS#8 PEM: Ed25519, RSA or EC P-256) studio signs JWT grants with to deploy; register its public key at each runtime as the client <prefix><org> (dev mode without it: a key per process, registered automatically)"`
	DeployKeyID        string   `flag:"studio-deploy-key-id" env:"STUDIO_DEPLOY_KEY_ID" usage:"key id (kid) sent with studio's JWT grants, when the runtime registered the key under one"`
	DeployClientPrefix string   `flag:"studio-deploy-client-prefix" env:"STUDIO_DEPLOY_CLIENT_PREFIX" default:"studio-" usage:"studio deploys for org X as the runtime machine client <prefix>X"`

	OIDCIssuer       string `flag:"studio-oidc-issuer" env:"STUDIO_OIDC_ISSUER" usage:"OpenID Provider issuer URL for studio login (dev mode without it: a built-in dev IdP at PUBLIC_URL/studio/devidp)"`
	OIDCClientID     string `flag:"studio-oidc-client-id" env:"STUDIO_OIDC_CLIENT_ID" usage:"client id at the studio's OpenID Provider; the redirect URI to register is PUBLIC_URL/studio/api/v1/login/oidc/callback"`
	OIDCClientSecret string `flag:"studio-oidc-client-secret" env:"STUDIO_OIDC_CLIENT_SECRET" secret:"true" usage:"client secret at the studio's OpenID Provider"`
	LoginStateKey    string `flag:"studio-login-state-key" env:"STUDIO_LOGIN_STATE_KEY" secret:"true" usage:"key of at least 32 bytes signing studio's login-state cookie (default: random per process)"`

	SessionIdle   time.Duration `flag:"studio-session-idle-timeout" env:"STUDIO_SESSION_IDLE_TIMEOUT" default:"12h" usage:"a studio session ends after this long without requests"`
	SessionMaxAge time.Duration `flag:"studio-session-max-age" env:"STUDIO_SESSION_MAX_AGE" default:"168h" usage:"a studio session ends this long after login, however active"`

	AdminUser     string `flag:"studio-admin-user" env:"STUDIO_ADMIN_USER" usage:"make sure this local user exists as an installation admin (may create orgs and users); created with --studio-admin-password when missing"`
	AdminPassword string `flag:"studio-admin-password" env:"STUDIO_ADMIN_PASSWORD" secret:"true" usage:"password for --studio-admin-user when it is created; ignored once the user exists"`
	DevPassword   string `flag:"studio-dev-password" env:"STUDIO_DEV_PASSWORD" secret:"true" usage:"dev mode: password of the demo user dev (default: a random one, printed at start)"`
}

// DefaultConfig returns the defaults the flags have, for tests and embedding.
func DefaultConfig() Config {
	return Config{Environments: append([]string(nil), account.DefaultEnvironments...), SessionIdle: 12 * time.Hour,
		SessionMaxAge: 7 * 24 * time.Hour, DeployClientPrefix: "studio-"}
}

// Validate checks c for a server in dev mode (or not), returning every problem at once.
func (c Config) Validate(dev bool) error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	seen := map[string]bool{}
	for _, env := range c.Environments {
		if err := account.ValidEnvironment(env); err != nil {
			add("--studio-environments: %w", err)
		} else if seen[env] {
			add("--studio-environments: %q given twice", env)
		}
		seen[env] = true
	}
	if _, err := c.environmentURLs(); err != nil {
		add("--studio-environment-urls: %w", err)
	}
	if c.DeployKeyID != "" && c.DeployKeyFile == "" {
		add("--studio-deploy-key-id needs --studio-deploy-key-file")
	}
	if c.SessionIdle <= 0 || c.SessionMaxAge <= 0 {
		add("--studio-session-idle-timeout and --studio-session-max-age must be positive")
	} else if c.SessionMaxAge < c.SessionIdle {
		add("--studio-session-max-age (%s) must not be shorter than --studio-session-idle-timeout (%s)", c.SessionMaxAge, c.SessionIdle)
	}
	if c.OIDCIssuer != "" {
		if u, err := url.Parse(c.OIDCIssuer); err != nil || (u.Scheme != "https" && !(dev && u.Scheme == "http")) || u.Host == "" {
			add("--studio-oidc-issuer %q must be an absolute https URL (http only in dev mode)", c.OIDCIssuer)
		}
		if c.OIDCClientID == "" {
			add("--studio-oidc-client-id is required with --studio-oidc-issuer")
		}
	} else if c.OIDCClientID != "" || c.OIDCClientSecret != "" {
		add("--studio-oidc-client-id and --studio-oidc-client-secret need --studio-oidc-issuer")
	}
	if n := len(c.LoginStateKey); n > 0 && n < 32 {
		add("--studio-login-state-key must be at least 32 bytes, got %d", n)
	}
	if c.AdminUser != "" {
		if err := account.ValidUsername(c.AdminUser); err != nil {
			add("--studio-admin-user: %w", err)
		}
	}
	if c.AdminPassword != "" && c.AdminUser == "" {
		add("--studio-admin-password needs --studio-admin-user")
	}
	if c.DevPassword != "" && !dev {
		add("--studio-dev-password needs --dev")
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrConfig, errors.Join(errs...))
	}
	return nil
}
