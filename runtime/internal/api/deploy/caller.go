// SPDX-License-Identifier: MIT

package deploy

import (
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// deployer returns the caller if it is a service owner's machine client holding
// the deploy scope, and otherwise answers 401 or 403 and reports false.
func deployer(c *gin.Context) (auth.Caller, bool) { return auth.ServiceOwner(c, authz.ScopeDeploy) }

// authorise admits a deployer to the org of the path only: a client may deploy,
// list and undeploy its own org's apps, nothing else. It runs before any
// handler, so another org's request changes nothing and reads no body.
func (a *api) authorise(c *gin.Context) {
	caller, ok := deployer(c)
	if !ok {
		return
	}
	if caller.Org != c.Param("org") {
		httpx.Abort(c, http.StatusForbidden, CodeOtherOrg, "A client may deploy only its own organisation's apps ("+caller.Org+").")
		return
	}
	c.Next()
}
