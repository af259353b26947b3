// SPDX-License-Identifier: MIT

package releases

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/release"
	"github.com/gin-gonic/gin"
)

// Base is the path prefix of studio's API.
const Base = "/studio/api/v1"

// Problem codes of these routes.
const (
	CodeLintErrors       = "lint_errors"
	CodeVersionExists    = "version_exists"
	CodeDeployFailed     = "deploy_failed"
	CodeEnvNotConfigured = "environment_not_configured"
)

// ErrConfig reports Options that cannot work.
var ErrConfig = errors.New("releases: invalid configuration")

// Options configure a Handler.
type Options struct {
	// Accounts identifies callers and answers their rights.
	Accounts api.Sessions
	Releases *release.Service
	Cookie   authn.SessionCookie
	Log      *slog.Logger
}

// Handler serves the routes. Create it with New.
type Handler struct {
	acc    api.Sessions
	svc    *release.Service
	cookie authn.SessionCookie
	log    *slog.Logger
}

// New checks opts and returns a Handler.
func New(opts Options) (*Handler, error) {
	if opts.Accounts == nil || opts.Releases == nil || opts.Log == nil {
		return nil, fmt.Errorf("%w: accounts, releases and log are required", ErrConfig)
	}
	if err := opts.Cookie.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return &Handler{acc: opts.Accounts, svc: opts.Releases, cookie: opts.Cookie, log: opts.Log}, nil
}

// Mount adds the routes to r; every route requires a caller.
func (h *Handler) Mount(r gin.IRouter) {
	a := r.Group(Base+"/orgs/:org/apps/:app", api.NoStore(), api.Identify(h.acc, h.cookie), api.RequireUser())
	a.GET("/releases", h.list)
	a.POST("/releases", h.create)
	a.GET("/releases/:version", h.get)
	a.GET("/environments", h.status)
	a.GET("/deploys", h.deploys)
	a.POST("/environments/:env/deploys", h.deploy)
	a.DELETE("/environments/:env/releases/:version", h.undeploy)
}

// allowed answers the refusal when the caller lacks perm on the path's app
// (api.Allow).
func (h *Handler) allowed(c *gin.Context, perm account.Permission) (account.Principal, bool) {
	return api.Allow(c, h.acc, c.Param("org"), c.Param("app"), perm)
}

// fail maps release errors to problems.
func (h *Handler) fail(c *gin.Context, err error) {
	var le *release.LintError
	switch {
	case errors.As(err, &le):
		p := httpx.NewProblem(http.StatusUnprocessableEntity, CodeLintErrors,
			fmt.Sprintf("Lint found %d errors; fix them and release again.", le.Report.Count(lint.Error)))
		for _, f := range le.Report.Findings {
			if f.Severity == lint.Error {
				p.Errors = append(p.Errors, httpx.FieldError{Field: f.Location(), Code: f.Code, Detail: f.Message})
			}
		}
		httpx.AbortProblem(c, p)
	case errors.Is(err, release.ErrInvalid):
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, err.Error())
	case errors.Is(err, release.ErrNotFound):
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, err.Error())
	case errors.Is(err, release.ErrExists):
		httpx.Abort(c, http.StatusConflict, CodeVersionExists, err.Error())
	case errors.Is(err, release.ErrNotConfigured):
		httpx.Abort(c, http.StatusServiceUnavailable, CodeEnvNotConfigured, err.Error())
	case errors.Is(err, release.ErrRuntime):
		httpx.Abort(c, http.StatusBadGateway, CodeDeployFailed, err.Error())
	default:
		h.log.ErrorContext(c.Request.Context(), "studio releases api", "route", c.FullPath(), "error", err,
			"request_id", httpx.RequestIDFrom(c.Request.Context()))
		httpx.Abort(c, http.StatusInternalServerError, api.CodeInternal, "An unexpected error occurred. Quote the traceId when you report it.")
	}
}
