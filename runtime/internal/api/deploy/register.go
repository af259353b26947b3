// SPDX-License-Identifier: MIT

package deploy

import (
	"context"
	"log/slog"

	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/gin-gonic/gin"
)

// BasePath is the path prefix of the deploy API.
const BasePath = "/runtime/api/v1/apps"

// Pins tells how many instances are pinned to a release; purge refuses a
// release that any instance still names. store.Store implements it.
type Pins interface {
	CountPinnedInstances(ctx context.Context, appID, version string) (int64, error)
}

// Deps are what the deploy API needs.
type Deps struct {
	// Host holds the releases.
	Host *apphost.Host
	// Pins guards purge.
	Pins Pins
	// Auth puts the caller in the request context; it must be the bearer-only
	// middleware (auth.Handler.Bearer), because a deploy must never ride on a
	// browser session.
	Auth gin.HandlerFunc
	// Log receives the audit line of every change and internal failures.
	Log *slog.Logger
}

// api holds the dependencies of the handlers.
type api struct {
	host *apphost.Host
	pins Pins
	log  *slog.Logger
}

// Register mounts the deploy API on r. Host, Pins and Auth are required; a
// missing one is a wiring mistake and panics at start-up.
func Register(r gin.IRouter, deps Deps) {
	if deps.Host == nil || deps.Pins == nil || deps.Auth == nil {
		panic("deploy: Register needs Host, Pins and Auth")
	}
	a := &api{host: deps.Host, pins: deps.Pins, log: deps.Log}
	if a.log == nil {
		a.log = slog.Default()
	}
	g := r.Group(BasePath, deps.Auth)
	g.GET("", a.listOwn)
	rel := g.Group("/:org/:app/releases", a.authorise)
	rel.GET("", a.listApp)
	rel.PUT("/:version", a.upload)
	rel.GET("/:version", a.get)
	rel.DELETE("/:version", a.undeploy)
}
