// SPDX-License-Identifier: MIT

package app

import (
	"net/http"
	"strconv"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// instanceTemplate is the part of Altinn's instance template the runtime reads.
type instanceTemplate struct {
	InstanceOwner struct {
		PartyID text `json:"partyId"`
	} `json:"instanceOwner"`
}

func (h *Handler) instantiate(c *gin.Context) {
	if c.ContentType() == "multipart/form-data" {
		h.instantiateMultipart(c)
		return
	}
	who := caller(c)
	rel, ok := h.current(c)
	if !ok {
		return
	}
	var tpl instanceTemplate
	if c.Request.ContentLength != 0 && c.ContentType() == "application/json" {
		if !readJSON(c, &tpl, maxTemplate, "the instance template", func(err error) {
			badRequest(c, "the instance template is not valid: "+httpx.JSONError(err))
		}) {
			return
		}
	}
	party, ok := owner(c, who, tpl)
	if !ok {
		return
	}
	h.startInstance(c, who, rel, instances.InstantiateRequest{PartyID: party})
}

// owner resolves the instance owner from the query or the template (not both); a
// person defaults to their selected party. It answers the request when it fails.
func owner(c *gin.Context, who authz.Caller, tpl instanceTemplate) (int64, bool) {
	o := c.Query("instanceOwnerPartyId")
	if tpl.InstanceOwner.PartyID != "" {
		if o != "" {
			badRequest(c, "give the instance owner in the query or in the template, not both")
			return 0, false
		}
		o = string(tpl.InstanceOwner.PartyID)
	}
	if o == "" && who.Kind == authz.User {
		o = strconv.FormatInt(who.PartyID, 10)
	}
	party, err := strconv.ParseInt(o, 10, 64)
	if err != nil || party <= 0 {
		badRequest(c, "name the instance owner with instanceOwnerPartyId")
		return 0, false
	}
	return party, true
}

// startInstance authorises instantiate for the party and creates the instance.
func (h *Handler) startInstance(c *gin.Context, who authz.Caller, rel *apphost.Release, req instances.InstantiateRequest) {
	if !h.allow(c, who, rel, req.PartyID, nil, process.ActionInstantiate, nil) {
		return
	}
	req.Org, req.App, req.IdempotencyKey = rel.Org, rel.Name, c.GetHeader("Idempotency-Key")
	snap, err := h.svc.Instantiate(c.Request.Context(), who, req)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", snap.Instance.SelfLinks.Apps)
	c.JSON(http.StatusCreated, snap.Instance)
}

func (h *Handler) getInstance(c *gin.Context) {
	if _, snap, ok := h.load(c, process.ActionRead); ok {
		c.Header("ETag", httpx.TimeETag(snap.Instance.LastChanged))
		c.JSON(http.StatusOK, snap.Instance)
	}
}

func (h *Handler) metadata(c *gin.Context) {
	rel, ok := h.current(c)
	if !ok {
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", rel.App.Metadata.Raw)
}
