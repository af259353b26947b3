// SPDX-License-Identifier: MIT

package deploy

import (
	"net/http"

	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// listOwn lists every release of the caller's org, by app and deploy time.
func (a *api) listOwn(c *gin.Context) {
	if _, ok := deployer(c); !ok {
		return
	}
	org := auth.CallerFrom(c.Request.Context()).Org
	c.JSON(http.StatusOK, a.releases(func(o, _ string) bool { return o == org }))
}

// listApp lists the releases of the path's app; an app with none is an empty
// list, not 404, so a client need not tell "never deployed" from "purged".
func (a *api) listApp(c *gin.Context) {
	org, app := c.Param("org"), c.Param("app")
	c.JSON(http.StatusOK, a.releases(func(o, n string) bool { return o == org && n == app }))
}

func (a *api) releases(keep func(org, app string) bool) releasesView {
	out := releasesView{Releases: []releaseView{}}
	for _, in := range a.host.List() {
		if keep(in.Org, in.Name) {
			out.Releases = append(out.Releases, viewOf(in))
		}
	}
	return out
}

// get answers one release with its lint findings.
func (a *api) get(c *gin.Context) {
	org, app, version := c.Param("org"), c.Param("app"), c.Param("version")
	in, err := a.host.Info(org, app, version)
	if err != nil {
		a.fail(c, "get release", err)
		return
	}
	rel, err := a.host.Get(org, app, version)
	if err != nil {
		a.fail(c, "get release", err)
		return
	}
	c.JSON(http.StatusOK, detailOf(in, rel))
}
