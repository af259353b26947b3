// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// Problem codes of the transport layer. The refusals of who the caller is and
// what its token holds are web/auth's, so every API of the runtime answers them alike.
const (
	CodeUnauthenticated   = auth.CodeUnauthenticated
	CodeInsufficientScope = auth.CodeInsufficientScope
	CodeForbidden         = "forbidden"
	CodeBadRequest        = "bad_request"
	CodeInstanceChanged   = instances.CodeInstanceChanged
)

// The WWW-Authenticate challenges (RFC 6750 §3) of a request without a caller
// and of a token without the scope an action needs, as web/auth sends them.
const (
	challenge      = `Bearer realm="blankett"`
	scopeChallenge = challenge + `, error="insufficient_scope"`
)

// validationProblem is the 409 of process/next with Altinn's validationIssues.
type validationProblem struct {
	httpx.Problem
	ValidationIssues []validation.Issue `json:"validationIssues"`
}

// fail writes err as problem+json.
func (h *Handler) fail(c *gin.Context, err error) {
	var ve *instances.ValidationError
	if errors.As(err, &ve) {
		p := validationProblem{Problem: httpx.NewProblem(http.StatusConflict, instances.CodeValidationFailed, ve.Error()), ValidationIssues: ve.Issues}
		p.Title, p.Instance, p.TraceID = "Validation failed for task", c.Request.URL.Path, httpx.RequestIDFrom(c.Request.Context())
		c.Header("Content-Type", httpx.ProblemContentType)
		c.Status(http.StatusConflict)
		_ = json.NewEncoder(c.Writer).Encode(p)
		c.Abort()
		return
	}
	var e *instances.Error
	if errors.As(err, &e) {
		p := httpx.NewProblem(status(e.Kind), e.Code, e.Detail)
		if p.Status >= http.StatusInternalServerError { // the app's own logic: its owner needs to know
			h.log.Warn("app api", "path", c.Request.URL.Path, "err", err)
		}
		if e.Title != "" {
			p.Title = e.Title
		}
		if e.Code == instances.CodePDFPending {
			c.Header("Retry-After", instances.PDFRetryAfter)
		}
		httpx.AbortProblem(c, p)
		return
	}
	h.log.Error("app api", "path", c.Request.URL.Path, "err", err)
	httpx.AbortProblem(c, httpx.NewProblem(http.StatusInternalServerError, httpx.CodeInternal, "The request failed."))
}

func status(kind error) int {
	switch kind {
	case instances.ErrNotFound:
		return http.StatusNotFound
	case instances.ErrInvalid:
		return http.StatusBadRequest
	case instances.ErrConflict:
		return http.StatusConflict
	case instances.ErrTooLarge:
		return http.StatusRequestEntityTooLarge
	case instances.ErrUnsupportedMediaType:
		return http.StatusUnsupportedMediaType
	case instances.ErrForbidden:
		return http.StatusForbidden
	case instances.ErrUnprocessable:
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// deny writes the 401 or 403 of a denied decision; the body never holds data. A
// token that lacks the scope is 403 insufficient_scope with a challenge, as the
// storage API answers it; any other refusal by the policy is 403 forbidden.
func deny(c *gin.Context, d authz.Decision) {
	switch d.Category {
	case authz.Unauthenticated:
		c.Header("WWW-Authenticate", challenge)
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusUnauthorized, CodeUnauthenticated, d.Reason))
	case authz.Scope:
		c.Header("WWW-Authenticate", scopeChallenge)
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusForbidden, CodeInsufficientScope, d.Reason))
	case authz.Error:
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusInternalServerError, httpx.CodeInternal, d.Reason))
	default:
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusForbidden, CodeForbidden, d.Reason))
	}
}

func badRequest(c *gin.Context, detail string) {
	httpx.AbortProblem(c, httpx.NewProblem(http.StatusBadRequest, CodeBadRequest, detail))
}
