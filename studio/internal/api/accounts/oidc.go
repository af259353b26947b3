// SPDX-License-Identifier: MIT

package accounts

import (
	"errors"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// uiHome is where a login returns to when no (acceptable) return path is given.
const uiHome = "/studio/"

// returnPath keeps a login's return address inside studio, so the callback can never
// be an open redirect.
func returnPath(p string) string {
	if !strings.HasPrefix(p, uiHome) || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return uiHome
	}
	return p
}

// oidcBegin redirects to the OpenID Provider.
func (h *Handler) oidcBegin(c *gin.Context) {
	rp, ok := h.relyingParty(c)
	if !ok {
		return
	}
	target, err := rp.Begin(c.Writer, returnPath(c.Query("returnTo")))
	if err != nil {
		api.Fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, target)
}

// oidcCallback verifies the provider's answer, finds or creates the user, starts a
// session and returns to studio.
func (h *Handler) oidcCallback(c *gin.Context) {
	rp, ok := h.relyingParty(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	id, err := rp.Exchange(ctx, c.Request)
	rp.ClearLoginState(c.Writer)
	if err != nil {
		h.log.InfoContext(ctx, "studio oidc login refused", "error", err)
		switch {
		case errors.Is(err, authn.ErrLoginState), errors.Is(err, authn.ErrStateMismatch):
			httpx.Abort(c, http.StatusBadRequest, api.CodeLoginState, "The login expired or was started elsewhere; start it again.")
		case errors.Is(err, authn.ErrProviderError):
			httpx.Abort(c, http.StatusBadRequest, api.CodeLoginFailed, "The identity provider did not log you in.")
		default:
			httpx.Abort(c, http.StatusBadGateway, api.CodeLoginFailed, "The login could not be verified.")
		}
		return
	}
	p, err := h.svc.LoginExternal(ctx, account.External{Issuer: h.issuer, Subject: id.Subject, Name: id.Name})
	if err != nil {
		api.Fail(c, err)
		return
	}
	if token, err := h.cookie.Token(c.Request); err == nil {
		_ = h.svc.EndSession(ctx, token)
	}
	h.startSession(c, p)
	if c.IsAborted() {
		return
	}
	c.Redirect(http.StatusSeeOther, returnPath(id.ReturnTo))
}

// relyingParty returns the RP, or answers 503 when OIDC is off or the provider is down.
func (h *Handler) relyingParty(c *gin.Context) (*authn.RP, bool) {
	if h.rp == nil {
		httpx.Abort(c, http.StatusServiceUnavailable, api.CodeNotConfigured,
			"Login with an identity provider is not configured: set --studio-oidc-issuer and --studio-oidc-client-id.")
		return nil, false
	}
	rp, err := h.rp.Get(c.Request.Context())
	if err != nil {
		h.log.WarnContext(c.Request.Context(), "studio oidc: identity provider unavailable", "error", err)
		httpx.Abort(c, http.StatusServiceUnavailable, api.CodeIdPUnavailable, "The identity provider cannot be reached; try again shortly.")
		return nil, false
	}
	return rp, true
}
