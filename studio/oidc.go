// SPDX-License-Identifier: MIT

package studio

import (
	"fmt"
	"log/slog"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/studio/internal/api/accounts"
	"github.com/gin-gonic/gin"
)

// Paths and names of studio's OIDC login.
const (
	// PathDevIdP is where dev mode without an issuer serves studio's own dev IdP. It is
	// separate from the runtime's /devidp so each registers its own client.
	PathDevIdP = "/studio/devidp"
	// PathOIDCCallback is the redirect URI to register at the provider.
	PathOIDCCallback = accounts.Base + "/login/oidc/callback"
	// DevClientID is the client id studio registers at its dev IdP.
	DevClientID = "blankett-studio"
)

// oidc returns the relying party for studio login and the issuer, or nil when login
// at a provider is off. In dev mode without an issuer it mounts a dev IdP on e.
func (r *Role) oidc(deps platform.Deps, insecure bool, log *slog.Logger, e *gin.Engine) (*authn.LazyRP, string, error) {
	c := r.cfg
	redirect := deps.PublicURL + PathOIDCCallback
	issuer, clientID := c.OIDCIssuer, c.OIDCClientID
	if issuer == "" && deps.Dev {
		issuer, clientID = deps.PublicURL+PathDevIdP, DevClientID
		p, err := devidp.New(devidp.Options{Issuer: issuer,
			Clients: []devidp.Client{{ID: clientID, Secret: c.OIDCClientSecret, RedirectURIs: []string{redirect}}}})
		if err != nil {
			return nil, "", fmt.Errorf("studio: dev IdP: %w", err)
		}
		h := gin.WrapH(p.Handler())
		e.GET(PathDevIdP+"/*rest", h)
		e.POST(PathDevIdP+"/*rest", h)
		log.Warn("dev mode: studio login also through a built-in dev IdP with test users", "issuer", issuer)
	}
	if issuer == "" {
		log.Info("studio login with an identity provider is off; local users log in with a password")
		return nil, "", nil
	}
	loginCookie := authn.SessionCookie{Name: "__Host-blankett_studio_login"}
	if insecure {
		loginCookie = authn.SessionCookie{Name: "blankett_studio_login", Insecure: true}
	}
	if c.LoginStateKey == "" {
		log.Warn("no --studio-login-state-key: a random key is used, so a login started on one replica fails on another")
	}
	return authn.NewLazyRP(authn.Config{Issuer: issuer, ClientID: clientID, ClientSecret: c.OIDCClientSecret,
		RedirectURL: redirect, StateKey: []byte(c.LoginStateKey), LoginCookie: loginCookie}), issuer, nil
}
