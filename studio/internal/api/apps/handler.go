// SPDX-License-Identifier: MIT

package apps

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/appframework/render"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// ErrConfig reports Options that cannot work.
var ErrConfig = errors.New("apps: invalid configuration")

// Base is the path prefix of studio's API.
const Base = "/studio/api/v1"

// Options configure a Handler.
type Options struct {
	// Accounts identifies callers and answers what they may do.
	Accounts api.Sessions
	// Repos holds the app repositories.
	Repos *gitrepo.Store
	// Cookie is studio's session cookie (api.SessionCookie).
	Cookie authn.SessionCookie
	// Log receives failures.
	Log *slog.Logger
}

// Handler serves the app and editing routes. Create it with New.
type Handler struct {
	acc    api.Sessions
	repos  *gitrepo.Store
	cookie authn.SessionCookie
	log    *slog.Logger
	// lints keeps lint reports by commit.
	lints *commitCache[lint.Report]
	// previews keeps apps loaded for the preview by repository and commit.
	previews *commitCache[*previewModel]
	// renderer is the preview's renderer, made on first use.
	renderer func() *render.Renderer
}

// New checks opts and returns a Handler.
func New(opts Options) (*Handler, error) {
	if opts.Accounts == nil || opts.Repos == nil || opts.Log == nil {
		return nil, fmt.Errorf("%w: accounts, repos and log are required", ErrConfig)
	}
	if err := opts.Cookie.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return &Handler{acc: opts.Accounts, repos: opts.Repos, cookie: opts.Cookie, log: opts.Log, lints: newCommitCache[lint.Report](512),
		previews: newCommitCache[*previewModel](16), renderer: sync.OnceValue(render.New)}, nil
}

// Mount adds the routes to r; every route but the preview's stylesheets requires a caller.
func (h *Handler) Mount(r gin.IRouter) {
	r.GET(PreviewAssets+"*file", previewAsset) // the preview's CSS, public like any stylesheet
	g := r.Group(Base, api.NoStore(), api.Identify(h.acc, h.cookie), api.RequireUser())
	g.GET("/orgs/:org/apps", h.listApps)
	g.POST("/orgs/:org/apps", h.createApp)

	a := g.Group("/orgs/:org/apps/:app")
	a.GET("", h.overview)
	a.DELETE("", h.deleteApp)
	a.POST("/copy", h.copyApp)
	a.GET("/files", h.readFile)
	a.PUT("/layouts/:set/:page", h.putLayout)
	a.DELETE("/layouts/:set/:page", h.deleteLayout)
	a.PUT("/layout-settings/:set", h.putLayoutSettings)
	a.PATCH("/texts/:lang", h.patchTexts)
	a.PUT("/options/:id", h.putOptions)
	a.PUT("/process", h.putProcess)
	a.PUT("/policy", h.putPolicy)
	a.PUT("/metadata", h.putMetadata)
	a.POST("/datamodels/:model/xsd", h.uploadXSD)
	a.PUT("/datamodels/:model/schema", h.putSchema)
	a.POST("/rename/component", h.renameComponent)
	a.POST("/rename/text", h.renameText)
	a.POST("/rename/page", h.renamePage)
	a.POST("/rename/layout-set", h.renameLayoutSet)
	a.POST("/rename/option-list", h.renameOptionList)
	a.POST("/rename/task", h.renameTask)
	a.POST("/rename/data-type", h.renameDataType)
	a.GET("/datamodels", h.listDataModels)
	a.GET("/layouts", h.listLayouts)
	a.GET("/preview/:set/:page", h.previewPage)
	a.GET("/history", h.history)
	a.POST("/revert", h.revert)
	a.POST("/merge", h.merge)
	a.POST("/pull", h.pull)
}

// principal returns the caller; RequireUser has run.
func principal(c *gin.Context) account.Principal {
	p, _ := api.PrincipalFrom(c.Request.Context())
	return p
}

// author is the git identity of the caller.
func author(p account.Principal) gitrepo.Author {
	email := p.Email
	if email == "" {
		email = p.Username + "@users.noreply.blankett"
	}
	return gitrepo.Author{Name: p.Username, Email: email}
}

// allowed answers the refusal when the caller may not act with perm on app in org
// (api.Allow).
func (h *Handler) allowed(c *gin.Context, org, app string, perm account.Permission) bool {
	_, ok := api.Allow(c, h.acc, org, app, perm)
	return ok
}

// open authorises perm on the app of the route and opens its repository.
func (h *Handler) open(c *gin.Context, perm account.Permission) (*gitrepo.Repo, bool) {
	org, app := c.Param("org"), c.Param("app")
	if !h.allowed(c, org, app, perm) {
		return nil, false
	}
	repo, err := h.repos.Open(c.Request.Context(), org, app)
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return repo, true
}
