// SPDX-License-Identifier: MIT

package accounts

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// ErrConfig reports Options that cannot work.
var ErrConfig = errors.New("accounts: invalid configuration")

// Base is the path prefix of studio's API.
const Base = "/studio/api/v1"

// Options configure a Handler.
type Options struct {
	// Accounts is the account service.
	Accounts *account.Service
	// Cookie is studio's session cookie (api.SessionCookie).
	Cookie authn.SessionCookie
	// OIDC, when set, enables login at an OpenID Provider.
	OIDC *authn.LazyRP
	// Issuer is the OIDC issuer, recorded with each linked identity.
	Issuer string
	// Log receives refusals and failures; never secrets.
	Log *slog.Logger
	// Now is the clock of the login rate limit; nil means time.Now.
	Now func() time.Time
}

// Handler serves the account routes. Create it with New.
type Handler struct {
	svc    *account.Service
	cookie authn.SessionCookie
	rp     *authn.LazyRP
	issuer string
	log    *slog.Logger
	limit  *loginLimiter
}

// New checks opts and returns a Handler.
func New(opts Options) (*Handler, error) {
	if opts.Accounts == nil || opts.Log == nil {
		return nil, fmt.Errorf("%w: accounts and log are required", ErrConfig)
	}
	if err := opts.Cookie.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if opts.OIDC != nil && opts.Issuer == "" {
		return nil, fmt.Errorf("%w: an issuer is required with OIDC", ErrConfig)
	}
	return &Handler{svc: opts.Accounts, cookie: opts.Cookie, rp: opts.OIDC, issuer: opts.Issuer, log: opts.Log,
		limit: newLoginLimiter(opts.Now)}, nil
}

// Mount adds the routes to r. Every route identifies its caller first; all but login
// require one.
func (h *Handler) Mount(r gin.IRouter) {
	g := r.Group(Base, api.NoStore(), api.Identify(h.svc, h.cookie))
	g.POST("/login", h.login)
	g.GET("/login/oidc", h.oidcBegin)
	g.GET("/login/oidc/callback", h.oidcCallback)

	u := g.Group("", api.RequireUser())
	u.POST("/logout", h.logout)
	u.GET("/whoami", h.whoami)
	u.PUT("/user/password", h.changePassword)
	u.GET("/user/tokens", h.listTokens)
	u.POST("/user/tokens", h.createToken)
	u.DELETE("/user/tokens/:id", h.revokeToken)
	u.POST("/users", h.createUser)
	u.GET("/orgs", h.listOrgs)
	u.POST("/orgs", h.createOrg)
	u.GET("/orgs/:org", h.getOrg)
	u.GET("/orgs/:org/teams", h.listTeams)
	u.PUT("/orgs/:org/teams/:team/members/:username", h.addMember)
	u.DELETE("/orgs/:org/teams/:team/members/:username", h.removeMember)
}

// principal returns the caller; RequireUser has run.
func principal(c *gin.Context) account.Principal {
	p, _ := api.PrincipalFrom(c.Request.Context())
	return p
}
