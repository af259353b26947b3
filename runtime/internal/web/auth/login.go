// SPDX-License-Identifier: MIT

package auth

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// login starts the authorization code flow and redirects to the provider.
func (h *Handler) login(c *gin.Context) {
	rp, ok := h.relyingParty(c)
	if !ok {
		return
	}
	target, err := rp.Begin(c.Writer, c.Query("returnTo"))
	if err != nil {
		h.opt.Log.Error("login: begin", "error", err)
		internalError(c)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, target)
}

// callback finishes the login: it verifies the provider's answer, records the person,
// replaces any earlier session (no fixation) and redirects to the return address.
func (h *Handler) callback(c *gin.Context) {
	rp, ok := h.relyingParty(c)
	if !ok {
		return
	}
	id, err := rp.Exchange(c.Request.Context(), c.Request)
	rp.ClearLoginState(c.Writer)
	if err != nil {
		h.loginFailed(c, err)
		return
	}
	user, err := h.upsertPerson(c.Request.Context(), id)
	if err != nil {
		h.opt.Log.Error("login: record person", "error", err)
		internalError(c)
		return
	}
	if old, err := h.sessionCookie(c.Request); err == nil {
		_ = h.opt.Store.DeleteSession(c.Request.Context(), old)
	}
	token, sess, err := h.opt.Store.CreateSession(c.Request.Context(), store.NewSession{UserID: user.ID,
		PartyID: user.PartyID, AuthLevel: id.AuthLevel, Idle: h.opt.Idle, Absolute: h.opt.Absolute})
	if err != nil {
		h.opt.Log.Error("login: create session", "error", err)
		internalError(c)
		return
	}
	h.cookie.Set(c.Writer, token, sess.AbsoluteExpiresAt)
	h.opt.Log.Info("login", slog.Int64("user", user.ID), slog.Int("auth_level", id.AuthLevel))
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, localPath(id.ReturnTo))
}

// logout ends the session and clears the cookie; logging out twice is fine.
func (h *Handler) logout(c *gin.Context) {
	if token := sessionTokenFrom(c.Request.Context()); token != "" {
		if err := h.opt.Store.DeleteSession(c.Request.Context(), token); err != nil {
			h.opt.Log.Error("logout: delete session", "error", err)
			internalError(c)
			return
		}
	}
	h.cookie.Clear(c.Writer)
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, "/")
}

// relyingParty returns the RP or answers 503 when login is off or the provider is down.
func (h *Handler) relyingParty(c *gin.Context) (*authn.RP, bool) {
	if h.rp == nil {
		httpx.Abort(c, http.StatusServiceUnavailable, CodeLoginNotConfigured,
			"Login is not configured on this server: set --oidc-issuer and --oidc-client-id.")
		return nil, false
	}
	rp, err := h.rp.Get(c.Request.Context())
	if err != nil {
		h.opt.Log.Warn("login: identity provider unavailable", "error", err)
		httpx.Abort(c, http.StatusServiceUnavailable, CodeLoginUnavailable, "The identity provider cannot be reached; try again shortly.")
		return nil, false
	}
	return rp, true
}

// loginFailed maps the relying party's errors to problems. authn keeps secrets out of
// its errors, so they may be logged.
func (h *Handler) loginFailed(c *gin.Context, err error) {
	h.opt.Log.Info("login refused", "error", err)
	switch {
	case errors.Is(err, authn.ErrLoginState), errors.Is(err, authn.ErrStateMismatch):
		httpx.Abort(c, http.StatusBadRequest, CodeLoginStateInvalid, "The login expired or was started elsewhere; start it again.")
	case errors.Is(err, authn.ErrProviderError):
		httpx.Abort(c, http.StatusBadRequest, CodeLoginFailed, "The identity provider did not log you in.")
	default:
		httpx.Abort(c, http.StatusBadGateway, CodeLoginFailed, "The login could not be verified.")
	}
}
