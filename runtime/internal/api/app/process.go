// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// maxCompleteSteps bounds completeProcess, as Altinn's 100 iterations.
const maxCompleteSteps = 100

// processNext authorises the named action, or with none the first of the task
// type's actions the caller may perform, then moves the process.
func (h *Handler) processNext(c *gin.Context) {
	var body struct {
		Action string `json:"action"`
	}
	if c.Request.ContentLength != 0 { // -1: chunked, read to see
		b, ok := readBody(c, maxSmall, "the body")
		if !ok {
			return
		}
		if len(bytes.TrimSpace(b)) > 0 {
			if err := json.Unmarshal(b, &body); err != nil {
				badRequest(c, `the body must be {"action": "…"} or empty: `+httpx.JSONError(err))
				return
			}
		}
	}
	who, snap, ok := h.load(c, process.ActionRead)
	if !ok {
		return
	}
	if err := running(snap); err != nil {
		h.fail(c, err)
		return
	}
	action, ok := h.nextAction(c, who, snap, body.Action)
	if !ok {
		return
	}
	next, err := h.svc.ProcessNext(c.Request.Context(), who, snap, action, c.Query("language"))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeProcess(c, who, next)
}

// nextAction authorises requested on the current task, or with none the first of
// the task's process-next actions the caller may perform, and returns the action
// to pass to ProcessNext ("" for the task type's default). A denial is answered.
func (h *Handler) nextAction(c *gin.Context, who authz.Caller, snap *instances.Snapshot, requested string) (string, bool) {
	candidates := []string{requested}
	if requested == "" {
		if candidates = snap.NextActions(); len(candidates) == 0 {
			candidates = []string{process.ActionWrite}
		}
	}
	t := authz.Target{Org: snap.Release.Org, App: snap.Release.Name, InstanceOwnerPartyID: snap.PartyID(),
		InstanceID: snap.Instance.ID, Task: snap.CurrentTask(), EndEvent: snap.EndEvent(), APIScopes: apiScopes(snap.Release)}
	var d authz.Decision
	for _, a := range candidates {
		t.Action = a
		if d, _ = h.az.Authorize(c.Request.Context(), who, t, snap.Release.Policy); d.Allowed {
			return requested, true
		}
	}
	deny(c, d)
	return "", false
}

// completeProcess is PUT process/completeProcess: process/next with each task's
// default action until the process ends, each step authorised and validated.
func (h *Handler) completeProcess(c *gin.Context) {
	who, snap, ok := h.load(c, process.ActionRead)
	if !ok {
		return
	}
	if err := running(snap); err != nil {
		h.fail(c, err)
		return
	}
	for range maxCompleteSteps {
		if _, ok := h.nextAction(c, who, snap, ""); !ok {
			return
		}
		next, err := h.svc.ProcessNext(c.Request.Context(), who, snap, "", c.Query("language"))
		if err != nil {
			h.fail(c, err)
			return
		}
		if snap = next; snap.CurrentTask() == "" {
			h.writeProcess(c, who, snap)
			return
		}
	}
	h.fail(c, &instances.Error{Kind: instances.ErrConflict, Code: instances.CodeProcessLoop,
		Detail: "the process did not end within 100 steps; it may loop"})
}

// running refuses an instance whose process has not started or has ended with
// 409 before the action is authorised, as Altinn answers "Process is ended."
// (the caller has been allowed to read it).
func running(snap *instances.Snapshot) error {
	switch p := snap.Instance.Process; {
	case p == nil || p.Started == nil:
		return &instances.Error{Kind: instances.ErrConflict, Code: instances.CodeProcessNotStarted, Detail: "the process is not started"}
	case snap.CurrentTask() == "":
		return &instances.Error{Kind: instances.ErrConflict, Code: instances.CodeProcessEnded, Detail: "the process has ended"}
	}
	return nil
}

// processStart is POST process/start?startEvent=. Policy action instantiate.
func (h *Handler) processStart(c *gin.Context) {
	who, snap, ok := h.load(c, process.ActionInstantiate)
	if !ok {
		return
	}
	next, err := h.svc.ProcessStart(c.Request.Context(), who, snap, c.Query("startEvent"))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeProcess(c, who, next)
}

// nextElements is GET process/next, which Altinn keeps for old clients and
// answers with an empty list (read).
func (h *Handler) nextElements(c *gin.Context) {
	if _, _, ok := h.load(c, process.ActionRead); ok {
		c.JSON(http.StatusOK, []string{})
	}
}

// processHistory is GET process/history. Policy action read.
func (h *Handler) processHistory(c *gin.Context) {
	_, snap, ok := h.load(c, process.ActionRead)
	if !ok {
		return
	}
	hist, err := h.svc.History(c.Request.Context(), snap)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, hist)
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
