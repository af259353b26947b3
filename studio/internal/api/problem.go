// SPDX-License-Identifier: MIT

package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of studio's API. Clients branch on them; they double as
// translation keys.
const (
	CodeLoginRequired   = "login_required"
	CodeBadCredentials  = "bad_credentials"
	CodeForbidden       = "forbidden"
	CodeNotFound        = httpx.CodeNotFound
	CodeAlreadyExists   = "already_exists"
	CodeInvalidInput    = "invalid_input"
	CodeInvalidJSON     = "invalid_json"
	CodeUnsupportedType = "unsupported_media_type"
	CodeLastOwner       = "last_owner"
	CodeInternal        = httpx.CodeInternal
	CodeNotConfigured   = "login_not_configured"
	CodeLoginFailed     = "login_failed"
	CodeLoginState      = "login_state_invalid"
	CodeIdPUnavailable  = "login_unavailable"
)

// Fail maps an error from account to its problem. Client errors carry the error text
// (it names the rule broken, never a secret); others are logged and answered 500.
func Fail(c *gin.Context, err error) {
	switch {
	case errors.Is(err, account.ErrBadCredentials):
		httpx.Abort(c, http.StatusUnauthorized, CodeBadCredentials, "The user name, password or token is wrong, or the token was revoked or has expired.")
	case errors.Is(err, account.ErrForbidden):
		httpx.Abort(c, http.StatusForbidden, CodeForbidden, detail(err, account.ErrForbidden, "You may not do this."))
	case errors.Is(err, account.ErrNotFound):
		httpx.Abort(c, http.StatusNotFound, CodeNotFound, detail(err, account.ErrNotFound, "No such resource."))
	case errors.Is(err, account.ErrExists):
		httpx.Abort(c, http.StatusConflict, CodeAlreadyExists, detail(err, account.ErrExists, "It exists already."))
	case errors.Is(err, account.ErrConflict):
		httpx.Abort(c, http.StatusConflict, CodeLastOwner, detail(err, account.ErrConflict, "An org needs an owner."))
	case errors.Is(err, account.ErrInvalid):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidInput, detail(err, account.ErrInvalid, "The input breaks a rule."))
	default:
		slog.ErrorContext(c.Request.Context(), "studio api", "route", c.FullPath(), "error", err,
			"request_id", httpx.RequestIDFrom(c.Request.Context()))
		httpx.Abort(c, http.StatusInternalServerError, CodeInternal, "An unexpected error occurred. Quote the traceId when you report it.")
	}
}

// detail is the human part of an account error ("org name \"X\": use …"), or fallback
// when the error carries internals (a store error chain) rather than a message.
func detail(err, sentinel error, fallback string) string {
	d, ok := strings.CutPrefix(err.Error(), sentinel.Error()+": ")
	if !ok || strings.Contains(d, "store:") {
		return fallback
	}
	return d
}
