// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"fmt"
	"net/http"
	"os"

	designerui "github.com/blankett/blankett/designer-ui"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/platform"
	"github.com/gin-gonic/gin"
)

// installationTable holds studio's installation identity.
const installationTable = "studio_installation"

// Role is the studio as a platform.Role.
type Role struct {
	cfg Config
}

// New returns the studio role.
func New(cfg Config) *Role { return &Role{cfg: cfg} }

// Name implements platform.Role.
func (r *Role) Name() string { return "studio" }

// Migrations implements platform.Role.
func (r *Role) Migrations() dbx.MigrationSet {
	return dbx.MigrationSet{Name: "studio", Migrations: []dbx.Migration{
		platform.InstallationMigration(installationTable),
	}}
}

// Start implements platform.Role: it records the installation and mounts the designer
// UI at /studio/.
func (r *Role) Start(ctx context.Context, deps platform.Deps, e *gin.Engine) error {
	in, err := platform.EnsureInstallation(ctx, deps.DB, installationTable, deps.Version)
	if err != nil {
		return err
	}
	deps.Log.Info("studio installation", "id", in.ID, "since", in.CreatedAt)
	ui := designerui.Handler()
	if r.cfg.UIDir != "" {
		if st, err := os.Stat(r.cfg.UIDir); err != nil || !st.IsDir() {
			return fmt.Errorf("studio: --ui-dir %q is not a directory", r.cfg.UIDir)
		}
		ui = designerui.HandlerFS(os.DirFS(r.cfg.UIDir))
	}
	h := gin.WrapH(ui)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		e.Handle(m, "/studio", h)
		e.Handle(m, "/studio/*path", h)
	}
	return nil
}
