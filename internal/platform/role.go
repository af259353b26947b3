// SPDX-License-Identifier: MIT

package platform

import (
	"context"
	"log/slog"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// Role is one part of the platform that can run alone or beside others on one
// listener: studio or runtime.
type Role interface {
	// Name is a short identifier used in logs ("studio", "runtime").
	Name() string
	// Migrations are the role's schema changes, applied before Start.
	Migrations() dbx.MigrationSet
	// Start prepares the role on the opened platform and mounts its routes on e.
	Start(ctx context.Context, deps Deps, e *gin.Engine) error
}

// Deps are the shared resources a role receives.
type Deps struct {
	DB   *dbx.DB
	Blob blob.Store
	// PublicURL is the external base URL without a trailing slash.
	PublicURL string
	// DataDir is --data-dir, for roles that keep files of their own (studio's
	// git repositories under <DataDir>/repos).
	DataDir string
	// Dev reports development mode (dev login, demo data).
	Dev bool
	// Version is the build version.
	Version string
	// Log is the process logger.
	Log *slog.Logger
	// Metrics registers the role's own collectors on the registry the admin
	// listener serves at /metrics; nil (Deps built by hand in tests) means none.
	Metrics prometheus.Registerer
	// Go runs a background worker until shutdown: fn's context ends when the server
	// stops, and Run waits for fn to return before it closes the database. Nil
	// (Deps built by hand in tests) means the role starts no workers.
	Go func(fn func(ctx context.Context))
}
