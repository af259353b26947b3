// SPDX-License-Identifier: MIT

package runtime

import (
	"context"
	"net/http"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// installationTable holds the runtime's installation identity.
const installationTable = "runtime_installation"

// Role is the runtime as a platform.Role.
type Role struct{}

// New returns the runtime role.
func New() *Role { return &Role{} }

// Name implements platform.Role.
func (r *Role) Name() string { return "runtime" }

// Migrations implements platform.Role.
func (r *Role) Migrations() dbx.MigrationSet {
	return dbx.MigrationSet{Name: "runtime", Migrations: append([]dbx.Migration{
		platform.InstallationMigration(installationTable),
	}, store.Migrations()...)}
}

// Start implements platform.Role: it records the installation and mounts the start
// page. The instance API and forms UI join here as they are built.
func (r *Role) Start(ctx context.Context, deps platform.Deps, e *gin.Engine) error {
	in, err := platform.EnsureInstallation(ctx, deps.DB, installationTable, deps.Version)
	if err != nil {
		return err
	}
	deps.Log.Info("runtime installation", "id", in.ID, "since", in.CreatedAt)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		e.Handle(m, "/", startPage)
	}
	return nil
}
