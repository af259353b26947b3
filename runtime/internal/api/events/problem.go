// SPDX-License-Identifier: MIT

package events

import (
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of the Events API.
const (
	CodeForbidden            = "forbidden"
	CodeInvalidBody          = "invalid_body"
	CodeInvalidSubscription  = "invalid_subscription"
	CodeInvalidQuery         = "invalid_query"
	CodeSubscriptionNotFound = "subscription_not_found"
	CodeDeadLetterNotFound   = "dead_letter_not_found"
)

// Field error codes of CodeInvalidSubscription.
const (
	FieldEndpointInvalid      = "endpoint_invalid"
	FieldSourceFilterInvalid  = "source_filter_invalid"
	FieldTypeFilterInvalid    = "type_filter_invalid"
	FieldSubjectFilterInvalid = "subject_filter_invalid"
)

// fail logs an internal error once and answers 500 without its cause.
func (a *api) fail(c *gin.Context, op string, err error) {
	a.log.ErrorContext(c.Request.Context(), "events api: "+op, "error", err,
		"requestId", httpx.RequestIDFrom(c.Request.Context()))
	httpx.Abort(c, http.StatusInternalServerError, httpx.CodeInternal, "Something went wrong on our side.")
}

func notFound(c *gin.Context) {
	httpx.Abort(c, http.StatusNotFound, CodeSubscriptionNotFound, "Your organisation has no such subscription.")
}

func deadLetterNotFound(c *gin.Context) {
	httpx.Abort(c, http.StatusNotFound, CodeDeadLetterNotFound, "The subscription has no such dead letter.")
}
