// SPDX-License-Identifier: MIT

package apps

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of the app and editing API, beside those of package api.
const (
	CodeStaleParent     = "stale_parent"
	CodeParentRequired  = "parent_required"
	CodeConflict        = "conflict"
	CodeNameTaken       = "name_taken"
	CodeLocked          = "branch_locked"
	CodeInvalidLayout   = "invalid_layout"
	CodeInvalidXML      = "invalid_xml"
	CodeInvalidDocument = "invalid_document"
	CodeInvalidSchema   = "invalid_datamodel"
)

// problem answers a problem with extension members (RFC 9457 §3.2), such as the
// current head of a stale save or the files of a conflict.
func problem(c *gin.Context, status int, code, detail string, ext map[string]any) {
	p := httpx.NewProblem(status, code, detail)
	p.TraceID = httpx.RequestIDFrom(c.Request.Context())
	b, _ := json.Marshal(p)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	for k, v := range ext {
		m[k] = v
	}
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(status, m)
}

// invalid answers 400 with field errors (a JSON pointer or a line:column each).
func invalid(c *gin.Context, code, detail string, errs []httpx.FieldError) {
	p := httpx.NewProblem(http.StatusBadRequest, code, detail)
	p.Errors = errs
	httpx.AbortProblem(c, p)
}

// fail maps an error of gitrepo to its problem; others are logged and answered 500.
func (h *Handler) fail(c *gin.Context, err error) {
	var ce *gitrepo.ConflictError
	switch {
	case errors.As(err, &ce):
		problem(c, http.StatusConflict, CodeConflict, "Files were changed on both sides; nothing was changed.",
			map[string]any{"conflicts": ce.Conflicts})
	case errors.Is(err, gitrepo.ErrStale):
		problem(c, http.StatusConflict, CodeStaleParent, "The branch has moved since you read it; reload and apply your change again.", nil)
	case errors.Is(err, gitrepo.ErrNotFound):
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, clean(err))
	case errors.Is(err, gitrepo.ErrExists):
		httpx.Abort(c, http.StatusConflict, api.CodeAlreadyExists, clean(err))
	case errors.Is(err, gitrepo.ErrInvalidName), errors.Is(err, gitrepo.ErrReservedName), errors.Is(err, gitrepo.ErrBadChange):
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, clean(err))
	case errors.Is(err, gitrepo.ErrLocked):
		c.Header("Retry-After", "2")
		httpx.Abort(c, http.StatusServiceUnavailable, CodeLocked, "Another writer holds the branch; try again shortly.")
	default:
		h.log.ErrorContext(c.Request.Context(), "studio apps api", "route", c.FullPath(), "error", err,
			"request_id", httpx.RequestIDFrom(c.Request.Context()))
		httpx.Abort(c, http.StatusInternalServerError, api.CodeInternal, "An unexpected error occurred. Quote the traceId when you report it.")
	}
}

// clean drops the package prefix of a gitrepo error: its text names the rule or the
// missing thing, never a secret or a server path.
func clean(err error) string {
	return strings.ReplaceAll(err.Error(), "gitrepo: ", "")
}
