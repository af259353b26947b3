// SPDX-License-Identifier: MIT

package events

import (
	"log/slog"
	"strings"

	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// BasePath is the path prefix of the Events API.
const BasePath = "/events/api/v1"

// Deps are what the Events API needs.
type Deps struct {
	// Store holds subscriptions, events and the outbox.
	Store *store.Store
	// Auth puts the caller in the request context (auth.Handler.Bearer).
	Auth gin.HandlerFunc
	// Log receives internal failures; never secrets or endpoint queries.
	Log *slog.Logger
	// PublicURL is the runtime's external base URL without a trailing slash; a
	// sourceFilter must start with it.
	PublicURL string
	// Dev allows http endpoints (development mode); otherwise they must be https.
	Dev bool
	// Nudge, when set, wakes the delivery worker after a subscription or retry.
	Nudge func()
}

// api holds the dependencies of the handlers.
type api struct {
	st    *store.Store
	log   *slog.Logger
	base  string
	dev   bool
	nudge func()
}

// Register mounts the Events API on r. Store and Auth are required; a missing
// one is a wiring mistake and panics at start-up.
func Register(r gin.IRouter, deps Deps) {
	if deps.Store == nil || deps.Auth == nil {
		panic("events: Register needs Store and Auth")
	}
	a := &api{st: deps.Store, log: deps.Log, base: strings.TrimRight(deps.PublicURL, "/"), dev: deps.Dev, nudge: deps.Nudge}
	if a.log == nil {
		a.log = slog.Default()
	}
	if a.nudge == nil {
		a.nudge = func() {}
	}
	g := r.Group(BasePath, deps.Auth)
	g.POST("/subscriptions", a.create)
	g.GET("/subscriptions", a.list)
	g.GET("/subscriptions/:id", a.get)
	g.DELETE("/subscriptions/:id", a.remove)
	g.GET("/subscriptions/:id/deadletters", a.deadLetters)
	g.POST("/subscriptions/:id/deadletters/:messageId/retry", a.retry)
	g.GET("/app/:org/:app", a.pull)
}
