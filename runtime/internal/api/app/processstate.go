// SPDX-License-Identifier: MIT

package app

import (
	"net/http"
	"slices"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// appProcessState is Altinn's AppProcessState: the process state with the
// caller's rights on the current task and the process's tasks.
type appProcessState struct {
	*instances.ProcessState
	CurrentTask  *appTask      `json:"currentTask,omitempty"`
	ProcessTasks []processTask `json:"processTasks"`
}

// appTask is AppProcessElementInfo: the current task with per-action decisions.
type appTask struct {
	instances.ProcessElementInfo
	// Actions are the actions that end the task through process/next (the task
	// type's, then altinn:actions of type processAction: sign, pay, confirm,
	// reject, …), each with whether the caller may perform it.
	Actions map[string]bool `json:"actions"`
	// UserActions are the task's altinn:actions with their type.
	UserActions []userAction `json:"userActions"`
	Read        bool         `json:"read"`
	Write       bool         `json:"write"`
}

type userAction struct {
	ID         string `json:"id"`
	Authorized bool   `json:"authorized"`
	Type       string `json:"type"`
}

type processTask struct {
	AltinnTaskType string `json:"altinnTaskType"`
	ElementID      string `json:"elementId"`
}

func (h *Handler) getProcess(c *gin.Context) {
	if who, snap, ok := h.load(c, process.ActionRead); ok {
		h.writeProcess(c, who, snap)
	}
}

// writeProcess answers the snapshot's AppProcessState for the caller.
func (h *Handler) writeProcess(c *gin.Context, who authz.Caller, snap *instances.Snapshot) {
	st, err := h.processState(c, who, snap)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

// processState decides every action of the current task with the PDP, once per
// action, roles looked up once.
func (h *Handler) processState(c *gin.Context, who authz.Caller, snap *instances.Snapshot) (*appProcessState, error) {
	rel := snap.Release
	out := &appProcessState{ProcessState: snap.Instance.Process, ProcessTasks: []processTask{}}
	if rel.Process != nil {
		for _, t := range rel.Process.Tasks() {
			out.ProcessTasks = append(out.ProcessTasks, processTask{AltinnTaskType: string(t.Task.Type), ElementID: t.ID})
		}
	}
	p := snap.Instance.Process
	if p == nil || p.CurrentTask == nil || rel.Process == nil {
		return out, nil
	}
	task := rel.Process.Task(p.CurrentTask.ElementID)
	at := &appTask{ProcessElementInfo: *p.CurrentTask, Actions: map[string]bool{}, UserActions: []userAction{}}
	out.CurrentTask = at
	if task == nil {
		return out, nil
	}
	next := task.Task.ProcessActions()
	ask := append([]string{process.ActionRead, process.ActionWrite}, next...)
	for _, a := range task.Task.UserActions() {
		if !slices.Contains(ask, a.ID) {
			ask = append(ask, a.ID)
		}
	}
	t := authz.Target{Org: rel.Org, App: rel.Name, InstanceOwnerPartyID: snap.PartyID(), InstanceID: snap.Instance.ID,
		Task: snap.CurrentTask(), EndEvent: snap.EndEvent()}
	t.APIScopes = apiScopes(rel)
	got, err := h.az.ActionsFor(c.Request.Context(), who, t, rel.Policy, ask...)
	if err != nil {
		return nil, err
	}
	at.Read, at.Write = got[process.ActionRead], got[process.ActionWrite]
	for _, a := range next {
		at.Actions[a] = got[a]
	}
	for _, a := range task.Task.UserActions() {
		at.UserActions = append(at.UserActions, userAction{ID: a.ID, Authorized: got[a.ID], Type: string(a.Type)})
	}
	return out, nil
}
