// SPDX-License-Identifier: MIT

package accounts

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type whoamiJSON struct {
	User       userJSON  `json:"user"`
	AuthMethod string    `json:"authMethod"`
	Orgs       []orgJSON `json:"orgs"`
}

// login checks a password and starts a session, replacing any session the browser
// had (no session fixation). Too many failures for the user name or from the client
// refuse every login for a while, before the password is checked (loginLimiter).
func (h *Handler) login(c *gin.Context) {
	var req loginRequest
	if !api.Decode(c, &req) {
		return
	}
	ctx := c.Request.Context()
	user, client := strings.ToLower(strings.TrimSpace(req.Username)), c.ClientIP()
	if wait := h.limit.wait(user, client); wait > 0 {
		h.log.WarnContext(ctx, "studio login rate limited", slog.String("user", req.Username), slog.String("remote", client))
		c.Header("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		httpx.Abort(c, http.StatusTooManyRequests, CodeTooManyAttempts,
			"Too many failed logins for this user name or from this address; try again later.")
		return
	}
	p, err := h.svc.LoginPassword(ctx, req.Username, req.Password)
	if err != nil {
		if errors.Is(err, account.ErrBadCredentials) {
			h.limit.failed(user, client)
		}
		h.log.InfoContext(ctx, "studio login refused", slog.String("user", req.Username))
		api.Fail(c, err)
		return
	}
	h.limit.succeeded(user)
	if token, err := h.cookie.Token(c.Request); err == nil {
		_ = h.svc.EndSession(ctx, token)
	}
	h.startSession(c, p)
	if c.IsAborted() {
		return
	}
	h.writeWhoami(c, p, api.MethodSession)
}

// startSession creates a session for p and sets the cookie.
func (h *Handler) startSession(c *gin.Context, p account.Principal) {
	token, expires, err := h.svc.StartSession(c.Request.Context(), p)
	if err != nil {
		api.Fail(c, err)
		return
	}
	h.cookie.Set(c.Writer, token, expires)
	h.log.InfoContext(c.Request.Context(), "studio login", slog.Int64("user", p.UserID))
}

// logout ends the session (if the caller used one) and clears the cookie.
func (h *Handler) logout(c *gin.Context) {
	if token := api.SessionTokenFrom(c.Request.Context()); token != "" {
		if err := h.svc.EndSession(c.Request.Context(), token); err != nil {
			api.Fail(c, err)
			return
		}
	}
	h.cookie.Clear(c.Writer)
	c.Status(http.StatusNoContent)
}

// whoami describes the caller and their orgs.
func (h *Handler) whoami(c *gin.Context) {
	h.writeWhoami(c, principal(c), api.MethodFrom(c.Request.Context()))
}

func (h *Handler) writeWhoami(c *gin.Context, p account.Principal, m api.Method) {
	ctx := c.Request.Context()
	prof, err := h.svc.Profile(ctx, p)
	if err != nil {
		api.Fail(c, err)
		return
	}
	orgs, err := h.svc.MyOrgs(ctx, p)
	if err != nil {
		api.Fail(c, err)
		return
	}
	out := whoamiJSON{User: userJSON{Username: prof.Username, FullName: prof.FullName, Email: prof.Email,
		InstallationAdmin: prof.InstallationAdmin}, AuthMethod: string(m), Orgs: make([]orgJSON, len(orgs))}
	for i, o := range orgs {
		out.Orgs[i] = orgOf(o)
	}
	c.JSON(http.StatusOK, out)
}

type passwordRequest struct {
	CurrentPassword string `json:"currentPassword"`
	NewPassword     string `json:"newPassword"`
}

// changePassword sets a new password. It ends every session, so the caller's cookie is
// cleared too: they log in again with the new password.
func (h *Handler) changePassword(c *gin.Context) {
	var req passwordRequest
	if !api.Decode(c, &req) {
		return
	}
	if err := h.svc.ChangePassword(c.Request.Context(), principal(c), req.CurrentPassword, req.NewPassword); err != nil {
		api.Fail(c, err)
		return
	}
	h.cookie.Clear(c.Writer)
	c.Status(http.StatusNoContent)
}
