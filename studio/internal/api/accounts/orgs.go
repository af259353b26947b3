// SPDX-License-Identifier: MIT

package accounts

import (
	"net/http"

	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type createOrgRequest struct {
	Name     string `json:"name"`
	FullName string `json:"fullName"`
}

// listOrgs lists the orgs the caller is a member of.
func (h *Handler) listOrgs(c *gin.Context) {
	orgs, err := h.svc.MyOrgs(c.Request.Context(), principal(c))
	if err != nil {
		api.Fail(c, err)
		return
	}
	out := struct {
		Orgs []orgJSON `json:"orgs"`
	}{Orgs: make([]orgJSON, len(orgs))}
	for i, o := range orgs {
		out.Orgs[i] = orgOf(o)
	}
	c.JSON(http.StatusOK, out)
}

// createOrg creates an org with the standard teams; installation admins only.
func (h *Handler) createOrg(c *gin.Context) {
	var req createOrgRequest
	if !api.Decode(c, &req) {
		return
	}
	o, err := h.svc.CreateOrg(c.Request.Context(), principal(c), req.Name, req.FullName)
	if err != nil {
		api.Fail(c, err)
		return
	}
	c.Header("Location", Base+"/orgs/"+o.Name)
	c.JSON(http.StatusCreated, orgOf(o))
}

// getOrg describes one org the caller is a member of.
func (h *Handler) getOrg(c *gin.Context) {
	o, err := h.svc.OrgOf(c.Request.Context(), principal(c), c.Param("org"))
	if err != nil {
		api.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, orgOf(o))
}
