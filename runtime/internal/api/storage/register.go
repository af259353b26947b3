// SPDX-License-Identifier: MIT

package storage

import (
	"log/slog"
	"strings"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// BasePath is the path prefix of the Storage API.
const BasePath = "/storage/api/v1"

// Deps are what the pull API needs.
type Deps struct {
	// Store holds instances, data elements, confirmations and events.
	Store *store.Store
	// Blobs holds the data elements' content.
	Blobs blob.Store
	// Auth puts the caller in the request context (auth.Handler.Bearer or
	// Authenticate). It may answer a bad token itself; a request it lets through
	// anonymous is answered 401 here.
	Auth gin.HandlerFunc
	// Log receives internal failures; never instance data or tokens.
	Log *slog.Logger
	// PublicURL is the external base URL without a trailing slash; it prefixes
	// the self, next and selfLinks URLs. Empty gives path-only links.
	PublicURL string
	// WaitPDF makes POST complete answer 409 pdf_pending while a PDF receipt job
	// of the instance is pending, as instances.Options.WaitPDF does for the app
	// API. Set it only when this runtime prints PDFs, so that every such job ends.
	WaitPDF bool
}

// api holds the dependencies of the handlers.
type api struct {
	st    *store.Store
	blobs blob.Store
	log   *slog.Logger
	base  string
	// waitPDF is Deps.WaitPDF.
	waitPDF bool
}

// Register mounts the pull API on r. Store, Blobs and Auth are required; a
// missing one is a wiring mistake and panics at start-up.
func Register(r gin.IRouter, deps Deps) {
	if deps.Store == nil || deps.Blobs == nil || deps.Auth == nil {
		panic("storage: Register needs Store, Blobs and Auth")
	}
	a := &api{st: deps.Store, blobs: deps.Blobs, log: deps.Log, base: strings.TrimRight(deps.PublicURL, "/"),
		waitPDF: deps.WaitPDF}
	if a.log == nil {
		a.log = slog.Default()
	}
	g := r.Group(BasePath+"/instances", deps.Auth)
	g.GET("", a.query)
	g.GET("/:partyId", a.getInstanceByGUID) // /{guid}: gin names the one segment as the route below does
	g.GET("/:partyId/:guid", a.getInstance)
	g.GET("/:partyId/:guid/data/:dataGuid", a.download)
	g.HEAD("/:partyId/:guid/data/:dataGuid", a.download)
	g.GET("/:partyId/:guid/events", a.events)
	g.POST("/:partyId/:guid/complete", a.complete)
}
