// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/releases"
	"github.com/blankett/blankett/studio/internal/deploy"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/blankett/blankett/studio/internal/release"
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

// machineClientsTable is the runtime's table of machine clients. Studio touches
// it in dev mode only, on the one database an all-in-one `serve --dev` shares,
// to register its own per-process deploy key (see devRegistrar).
const machineClientsTable = "machine_clients"

// environmentURLs parses --studio-environment-urls into env → URL.
func (c Config) environmentURLs() (map[string]string, error) {
	out := map[string]string{}
	for _, kv := range c.EnvironmentURLs {
		env, raw, ok := strings.Cut(kv, "=")
		if !ok || env == "" {
			return nil, fmt.Errorf("%q is not env=URL", kv)
		}
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
			return nil, fmt.Errorf("%s: %q must be an absolute http(s) URL without a path", env, raw)
		}
		known := false
		for _, e := range c.Environments {
			known = known || e == env
		}
		if !known {
			return nil, fmt.Errorf("%s is not among --studio-environments", env)
		}
		out[env] = strings.TrimSuffix(raw, "/")
	}
	return out, nil
}

// startReleases mounts the release and deploy API. Environments without a URL
// deploy to this server (all-in-one); the grant key comes from
// --studio-deploy-key-file, or in dev mode from a key made for this process and
// registered for each org as it first deploys. Releases tag and read the app
// repositories of startRepos.
func (r *Role) startReleases(deps platform.Deps, repos *gitrepo.Store, svc *account.Service, insecure bool, log *slog.Logger, e *gin.Engine) error {
	urls, err := r.cfg.environmentURLs()
	if err != nil {
		return fmt.Errorf("studio: --studio-environment-urls: %w", err)
	}
	var key crypto.Signer
	kid, register := r.cfg.DeployKeyID, deploy.Registrar(nil)
	switch {
	case r.cfg.DeployKeyFile != "":
		if key, err = loadDeployKey(r.cfg.DeployKeyFile); err != nil {
			return err
		}
		if priv, ok := key.(ed25519.PrivateKey); ok && kid == "" {
			// `blankett clients add` registers a PEM key under its RFC 7638 thumbprint.
			kid = authn.NewSigningKey(priv).ID
		}
	case deps.Dev:
		if key, kid, err = deploy.DevKey(); err != nil {
			return err
		}
		register = devRegistrar(deps)
		log.Warn("dev mode: studio deploys with a key made for this process, registered at this server's runtime as studio-<org>")
	default:
		log.Warn("no --studio-deploy-key-file: deploys from studio answer 503 environment_not_configured")
	}
	var envs []release.Environment
	for _, name := range r.cfg.Environments {
		u, ok := urls[name]
		if !ok {
			u = deps.PublicURL
		}
		env := deploy.Env{Name: name, URL: u, ClientPrefix: r.cfg.DeployClientPrefix, Key: key, KeyID: kid}
		if u == deps.PublicURL {
			// Only this server's own runtime shares our database.
			env.Register = register
		}
		envs = append(envs, release.Environment{Name: name, Runtime: deploy.NewClient(env, nil)})
		log.Info("deploy environment", "environment", name, "url", u, "credentials", key != nil)
	}
	rsvc := release.NewService(release.NewStore(deps.DB), repos, envs)
	h, err := releases.New(releases.Options{Accounts: svc, Releases: rsvc, Cookie: api.SessionCookie(insecure), Log: log})
	if err != nil {
		return err
	}
	h.Mount(e)
	return nil
}

// loadDeployKey reads a PKCS#8 PEM private key.
func loadDeployKey(path string) (crypto.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("studio: --studio-deploy-key-file: %w", err)
	}
	k, err := deploy.ParsePrivateKeyPEM(b)
	if err != nil {
		return nil, fmt.Errorf("studio: --studio-deploy-key-file %s: %w", path, err)
	}
	return k, nil
}

// devRegistrar registers studio's dev client for an org in the runtime's table
// of the shared database, replacing an older key (the key is per process). In
// `blankett studio --dev` without a runtime the table is missing, and deploys
// fail with the runtime's own answer.
func devRegistrar(deps platform.Deps) deploy.Registrar {
	return func(ctx context.Context, clientID, org string, jwks []byte) error {
		g := deps.DB.Gorm.WithContext(ctx)
		if !g.Migrator().HasTable(machineClientsTable) {
			return fmt.Errorf("no runtime in this process (table %s missing)", machineClientsTable)
		}
		return g.Transaction(func(tx *gorm.DB) error {
			if err := tx.Table(machineClientsTable).Where("client_id = ?", clientID).Delete(map[string]any{}).Error; err != nil {
				return err
			}
			return tx.Table(machineClientsTable).Create(map[string]any{"client_id": clientID, "org": org, "org_number": "",
				"name": "Blankett Studio (dev)", "jwks": string(jwks), "scopes": deploy.ScopeDeploy, "disabled": false,
				"created": time.Now().UTC()}).Error
		})
	}
}
