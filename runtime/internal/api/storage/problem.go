// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of the pull API.
const (
	CodeUnauthenticated     = auth.CodeUnauthenticated
	CodeNotServiceOwner     = auth.CodeNotServiceOwner
	CodeInsufficientScope   = auth.CodeInsufficientScope
	CodeForbidden           = "forbidden"
	CodeInvalidQuery        = "invalid_query"
	CodeInvalidInstanceID   = "invalid_instance_id"
	CodeDataNotFound        = "data_element_not_found"
	CodeRangeNotSatisfiable = "range_not_satisfiable"
	CodeConflict            = "conflict"
	CodePDFPending          = instances.CodePDFPending
	CodeInstanceChanged     = instances.CodeInstanceChanged
)

// errPDFPending is a confirmation refused while the instance's PDF receipt is
// being made; errInstanceChanged one whose If-Match the instance no longer meets.
var (
	errPDFPending      = errors.New("storage: the instance's PDF receipt is being made")
	errInstanceChanged = errors.New("storage: the instance changed since the caller read it")
)

// forbidden is the answer for another org's instance and for one that does not
// exist alike (Altinn's Storage answers 403 for both).
func forbidden(c *gin.Context) {
	httpx.Abort(c, http.StatusForbidden, CodeForbidden, "You may not access this instance.")
}

// fail answers an error from the store or blob store: ErrInvalid is the client's
// fault; anything else is logged once here and answered without its cause.
func (a *api) fail(c *gin.Context, op string, err error) {
	switch {
	case errors.Is(err, store.ErrInvalid):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, "The continuation token or a filter is invalid.")
	case errors.Is(err, errPDFPending):
		c.Header("Retry-After", instances.PDFRetryAfter)
		httpx.Abort(c, http.StatusConflict, CodePDFPending,
			"The PDF receipt of this instance is still being made; download it and confirm once it is among the data elements.")
	case errors.Is(err, errInstanceChanged):
		httpx.Abort(c, http.StatusPreconditionFailed, CodeInstanceChanged, instances.InstanceChangedDetail)
	case errors.Is(err, store.ErrConflict):
		httpx.Abort(c, http.StatusConflict, CodeConflict, "The instance changed meanwhile; try again.")
	default:
		a.log.ErrorContext(c.Request.Context(), "storage api: "+op, "error", err,
			"requestId", httpx.RequestIDFrom(c.Request.Context()))
		httpx.Abort(c, http.StatusInternalServerError, httpx.CodeInternal, "Something went wrong on our side.")
	}
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }
