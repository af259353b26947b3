// SPDX-License-Identifier: MIT

package apps

import (
	"net/http"
	"strings"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type createAppRequest struct {
	Name string `json:"name"`
}

type copyAppRequest struct {
	// ToOrg is the target org; empty means the same org.
	ToOrg string `json:"toOrg"`
	Name  string `json:"name"`
}

type appRef struct {
	Org    string `json:"org"`
	App    string `json:"app"`
	Commit string `json:"commit,omitempty"`
}

// listApps lists an org's apps, those whose name contains q (case-insensitive) when
// given. It reads folder names only, so a dashboard of a thousand apps stays fast.
func (h *Handler) listApps(c *gin.Context) {
	org := c.Param("org")
	if !h.allowed(c, org, "", account.Read) {
		return
	}
	names, err := h.repos.Apps(c.Request.Context(), org)
	if err != nil {
		h.fail(c, err)
		return
	}
	q := strings.ToLower(strings.TrimSpace(c.Query("q")))
	out := struct {
		Apps []appRef `json:"apps"`
	}{Apps: []appRef{}}
	for _, n := range names {
		if q == "" || strings.Contains(n, q) {
			out.Apps = append(out.Apps, appRef{Org: org, App: n})
		}
	}
	c.JSON(http.StatusOK, out)
}

// createApp creates an app from the template; the org's Devs and Owners may.
func (h *Handler) createApp(c *gin.Context) {
	org := c.Param("org")
	var req createAppRequest
	if !api.Decode(c, &req) || !h.allowed(c, org, req.Name, account.Edit) {
		return
	}
	head, err := h.repos.Create(c.Request.Context(), org, req.Name, author(principal(c)))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", Base+"/orgs/"+org+"/apps/"+req.Name)
	c.JSON(http.StatusCreated, appRef{Org: org, App: req.Name, Commit: head})
}

// copyApp copies an app, also into another org: read rights on the source, edit
// rights in the target org.
func (h *Handler) copyApp(c *gin.Context) {
	org, app := c.Param("org"), c.Param("app")
	var req copyAppRequest
	if !api.Decode(c, &req) || !h.allowed(c, org, app, account.Read) {
		return
	}
	to := req.ToOrg
	if to == "" {
		to = org
	}
	if !h.allowed(c, to, req.Name, account.Edit) {
		return
	}
	head, err := h.repos.Copy(c.Request.Context(), org, app, to, req.Name, author(principal(c)))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", Base+"/orgs/"+to+"/apps/"+req.Name)
	c.JSON(http.StatusCreated, appRef{Org: to, App: req.Name, Commit: head})
}

// deleteApp removes an app's repository for good; the org's Owners only.
func (h *Handler) deleteApp(c *gin.Context) {
	org, app := c.Param("org"), c.Param("app")
	if !h.allowed(c, org, app, account.Admin) {
		return
	}
	if err := h.repos.Delete(c.Request.Context(), org, app); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
