// SPDX-License-Identifier: MIT

package app

import (
	"github.com/blankett/blankett/appframework/process"
	"net/http"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/gin-gonic/gin"
)

func (h *Handler) getProcess(c *gin.Context) {
	if _, snap, ok := h.load(c, process.ActionRead); ok {
		c.JSON(http.StatusOK, snap.Instance.Process)
	}
}

// processNext authorises the named action, or with none the first of the task
// type's actions the caller may perform, then moves the process.
func (h *Handler) processNext(c *gin.Context) {
	var body struct {
		Action string `json:"action"`
	}
	if c.Request.ContentLength > 0 {
		if err := c.ShouldBindJSON(&body); err != nil {
			badRequest(c, `the body must be {"action": "…"} or empty`)
			return
		}
	}
	who, snap, ok := h.load(c, process.ActionRead)
	if !ok {
		return
	}
	candidates := []string{body.Action}
	if body.Action == "" {
		if candidates = snap.NextActions(); len(candidates) == 0 {
			candidates = []string{process.ActionWrite}
		}
	}
	t := authz.Target{Org: snap.Release.Org, App: snap.Release.Name, InstanceOwnerPartyID: snap.PartyID(),
		InstanceID: snap.Instance.ID, Task: snap.CurrentTask(), EndEvent: snap.EndEvent()}
	var d authz.Decision
	action := ""
	for _, a := range candidates {
		t.Action = a
		if d, _ = h.az.Authorize(c.Request.Context(), who, t, snap.Release.Policy); d.Allowed {
			action = a
			break
		}
	}
	if !d.Allowed {
		deny(c, d)
		return
	}
	if body.Action == "" {
		action = "" // the task type's default, which Next resolves
	}
	next, err := h.svc.ProcessNext(c.Request.Context(), who, snap, action, c.Query("language"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, next.Instance.Process)
}

func (h *Handler) validate(c *gin.Context) {
	_, snap, ok := h.load(c, process.ActionRead)
	if !ok {
		return
	}
	issues, err := h.svc.Validate(c.Request.Context(), snap, c.Query("language"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, issues)
}
