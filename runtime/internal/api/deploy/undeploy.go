// SPDX-License-Identifier: MIT

package deploy

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// undeploy takes a version out of service (204): it stops being current and no
// new instance can use it, while the instances pinned to it keep working.
// Undeploying it again is 204 too. With ?purge=true an undeployed version that no
// instance is pinned to is removed for good, bundle and all; an active one is
// 409 release_active (undeploy first, so that no instance can be created with it
// meanwhile) and a pinned one 409 release_in_use.
func (a *api) undeploy(c *gin.Context) {
	org, app, version := c.Param("org"), c.Param("app"), c.Param("version")
	purge := false
	if s := c.Query("purge"); s != "" {
		var err error
		if purge, err = strconv.ParseBool(s); err != nil {
			httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, "purge must be true or false.")
			return
		}
	}
	in, err := a.host.Info(org, app, version)
	if err != nil {
		a.fail(c, "undeploy", err)
		return
	}
	ctx, by := c.Request.Context(), auth.CallerFrom(c.Request.Context()).ClientID
	if !purge {
		if err := a.host.Undeploy(ctx, org, app, version); err != nil {
			a.fail(c, "undeploy", err)
			return
		}
		a.log.InfoContext(ctx, "release undeployed", "app", in.ID, "version", version, "by", by)
		c.Status(http.StatusNoContent)
		return
	}
	if in.Active {
		httpx.Abort(c, http.StatusConflict, CodeReleaseActive, "The release is active: undeploy it first, then purge it.")
		return
	}
	n, err := a.pins.CountPinnedInstances(ctx, in.ID, version)
	if err != nil {
		a.fail(c, "count pinned instances", err)
		return
	}
	if n > 0 {
		httpx.Abort(c, http.StatusConflict, CodeReleaseInUse, fmt.Sprintf("%d instances were created with this release and need it; it stays undeployed.", n))
		return
	}
	if err := a.host.Purge(ctx, org, app, version); err != nil {
		a.fail(c, "purge", err)
		return
	}
	a.log.InfoContext(ctx, "release purged", "app", in.ID, "version", version, "by", by)
	c.Status(http.StatusNoContent)
}
