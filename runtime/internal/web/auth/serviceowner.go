// SPDX-License-Identifier: MIT

package auth

import (
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/gin-gonic/gin"
)

// Problem codes of ServiceOwner's refusals.
const (
	CodeNotServiceOwner   = "not_service_owner"
	CodeInsufficientScope = "insufficient_scope"
)

// ServiceOwner admits the caller of a bearer-only API for service owners (the pull,
// events and deploy APIs): a machine client's token with urn:altinn:org that holds
// at least one of scopes. Anyone else gets 401 unauthenticated (no token), or 403
// not_service_owner or insufficient_scope, as problem+json, and false.
func ServiceOwner(c *gin.Context, scopes ...string) (Caller, bool) {
	caller := CallerFrom(c.Request.Context())
	switch {
	case !caller.Authenticated():
		c.Header("WWW-Authenticate", `Bearer realm="blankett"`)
		httpx.Abort(c, http.StatusUnauthorized, CodeUnauthenticated, "Send a service owner's bearer token.")
	case caller.Kind != Machine || caller.Org == "":
		httpx.Abort(c, http.StatusForbidden, CodeNotServiceOwner, "Only service owners' machine clients (tokens with urn:altinn:org) may use this API.")
	case !hasAny(caller, scopes):
		c.Header("WWW-Authenticate", `Bearer realm="blankett", error="insufficient_scope", scope="`+strings.Join(scopes, " ")+`"`)
		httpx.Abort(c, http.StatusForbidden, CodeInsufficientScope, "The token needs the scope "+strings.Join(scopes, " or ")+".")
	default:
		return caller, true
	}
	return Caller{}, false
}

func hasAny(c Caller, scopes []string) bool {
	for _, s := range scopes {
		if c.HasScope(s) {
			return true
		}
	}
	return false
}
