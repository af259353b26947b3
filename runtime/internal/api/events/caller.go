// SPDX-License-Identifier: MIT

package events

import (
	"net/http"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// ScopeEventsSubscribe is Altinn's scope for subscribing to and pulling events;
// altinn:serviceowner/instances.read, which covers events per Altinn's docs, is
// accepted as well.
const ScopeEventsSubscribe = "altinn:events.subscribe"

// serviceOwner returns the caller if it is a service owner holding one of the
// API's scopes, and otherwise answers 401 or 403 and reports false.
func serviceOwner(c *gin.Context) (auth.Caller, bool) {
	caller := auth.CallerFrom(c.Request.Context())
	switch {
	case !caller.Authenticated():
		c.Header("WWW-Authenticate", `Bearer realm="blankett"`)
		abort(c, http.StatusUnauthorized, CodeUnauthenticated, "Send a service owner's bearer token.")
	case caller.Kind != auth.Machine || caller.Org == "":
		abort(c, http.StatusForbidden, CodeNotServiceOwner, "Only service owners (tokens with urn:altinn:org) may use this API.")
	case !caller.HasScope(authz.ScopeServiceOwnerInstancesRead) && !caller.HasScope(ScopeEventsSubscribe):
		c.Header("WWW-Authenticate", `Bearer realm="blankett", error="insufficient_scope", scope="`+ScopeEventsSubscribe+`"`)
		abort(c, http.StatusForbidden, CodeInsufficientScope,
			"The token needs the scope "+ScopeEventsSubscribe+" or "+authz.ScopeServiceOwnerInstancesRead+".")
	default:
		return caller, true
	}
	return auth.Caller{}, false
}
