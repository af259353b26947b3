// SPDX-License-Identifier: MIT

package deploy

import (
	"net/http"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// deployer returns the caller if it is a service owner's machine client holding
// the deploy scope, and otherwise answers 401 or 403 and reports false.
func deployer(c *gin.Context) (auth.Caller, bool) {
	caller := auth.CallerFrom(c.Request.Context())
	switch {
	case !caller.Authenticated():
		c.Header("WWW-Authenticate", `Bearer realm="blankett"`)
		abort(c, http.StatusUnauthorized, CodeUnauthenticated, "Send a service owner's bearer token with the scope "+authz.ScopeDeploy+".")
	case caller.Kind != auth.Machine || caller.Org == "" || caller.ViaSession:
		abort(c, http.StatusForbidden, CodeNotServiceOwner, "Only service owners' machine clients (tokens with urn:altinn:org) may deploy.")
	case !caller.HasScope(authz.ScopeDeploy):
		c.Header("WWW-Authenticate", `Bearer realm="blankett", error="insufficient_scope", scope="`+authz.ScopeDeploy+`"`)
		abort(c, http.StatusForbidden, CodeInsufficientScope, "The token lacks the scope "+authz.ScopeDeploy+".")
	default:
		return caller, true
	}
	return auth.Caller{}, false
}

// authorise admits a deployer to the org of the path only: a client may deploy,
// list and undeploy its own org's apps, nothing else. It runs before any
// handler, so another org's request changes nothing and reads no body.
func (a *api) authorise(c *gin.Context) {
	caller, ok := deployer(c)
	if !ok {
		return
	}
	if caller.Org != c.Param("org") {
		abort(c, http.StatusForbidden, CodeOtherOrg, "A client may deploy only its own organisation's apps ("+caller.Org+").")
		return
	}
	c.Next()
}
