// SPDX-License-Identifier: MIT

package app

import (
	"net/http"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// complete is POST {instance}/complete: the service owner confirms it has what it
// needs. Policy action complete; the body is ignored. With If-Match it confirms
// only the instance as the caller read it (its ETag, as GET gives it): one that
// changed since is 412 instance_changed. A change racing this check fails the
// confirmation's own write as a concurrent change.
func (h *Handler) complete(c *gin.Context) {
	who, snap, ok := h.load(c, process.ActionComplete)
	if !ok {
		return
	}
	if m := c.GetHeader("If-Match"); m != "" && !httpx.ETagMatches(m, httpx.TimeETag(snap.Instance.LastChanged)) {
		httpx.Abort(c, http.StatusPreconditionFailed, CodeInstanceChanged, instances.InstanceChangedDetail)
		return
	}
	inst, err := h.svc.ConfirmComplete(c.Request.Context(), who, snap)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, inst)
}

// substatus is PUT {instance}/substatus with {label, description}. Policy action
// write, and only the org that owns the app (checked by the service).
func (h *Handler) substatus(c *gin.Context) {
	who, snap, ok := h.load(c, process.ActionWrite)
	if !ok {
		return
	}
	var body instances.Substatus
	if !readJSON(c, &body, maxSmall, "the substatus", func(err error) {
		httpx.Abort(c, http.StatusBadRequest, instances.CodeSubstatusInvalid,
			`the body must be {"label": "…", "description": "…"}: `+httpx.JSONError(err))
	}) {
		return
	}
	inst, err := h.svc.SetSubstatus(c.Request.Context(), who, snap, body)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, inst)
}
