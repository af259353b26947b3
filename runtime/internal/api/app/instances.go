// SPDX-License-Identifier: MIT

package app

import (
	"github.com/blankett/blankett/appframework/process"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// instanceTemplate is the part of Altinn's instance template the runtime reads.
type instanceTemplate struct {
	InstanceOwner struct {
		PartyID string `json:"partyId"`
	} `json:"instanceOwner"`
}

func (h *Handler) instantiate(c *gin.Context) {
	who := caller(c)
	rel, err := h.svc.Release(c.Param("org"), c.Param("app"))
	if err != nil {
		h.fail(c, err)
		return
	}
	owner := c.Query("instanceOwnerPartyId")
	if c.Request.ContentLength != 0 && c.ContentType() == "application/json" {
		var tpl instanceTemplate
		if err := c.ShouldBindJSON(&tpl); err != nil {
			badRequest(c, "the instance template is not valid JSON")
			return
		}
		if tpl.InstanceOwner.PartyID != "" {
			if owner != "" {
				badRequest(c, "give the instance owner in the query or in the template, not both")
				return
			}
			owner = tpl.InstanceOwner.PartyID
		}
	}
	if owner == "" && who.Kind == authz.User {
		owner = strconv.FormatInt(who.PartyID, 10)
	}
	party, err := strconv.ParseInt(owner, 10, 64)
	if err != nil || party <= 0 {
		badRequest(c, "name the instance owner with instanceOwnerPartyId")
		return
	}
	if !h.allow(c, who, rel, party, nil, process.ActionInstantiate, nil) {
		return
	}
	snap, err := h.svc.Instantiate(c.Request.Context(), who, instances.InstantiateRequest{Org: rel.Org, App: rel.Name,
		PartyID: party, IdempotencyKey: c.GetHeader("Idempotency-Key")})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", snap.Instance.SelfLinks.Apps)
	c.JSON(http.StatusCreated, snap.Instance)
}

func (h *Handler) getInstance(c *gin.Context) {
	if _, snap, ok := h.load(c, process.ActionRead); ok {
		c.JSON(http.StatusOK, snap.Instance)
	}
}

func (h *Handler) metadata(c *gin.Context) {
	rel, err := h.svc.Release(c.Param("org"), c.Param("app"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", rel.App.Metadata.Raw)
}
