// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"html/template"
	"net/http"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// Altinn task types the UI shows its own pages for when the app has no layout
// set for the task.
const (
	taskConfirmation = "confirmation"
	taskFeedback     = "feedback"
)

type confirmView struct {
	Action  string
	CanAct  bool
	Summary template.HTML
	Issues  []string
	T       uiText
}

// taskType is the Altinn task type of the current task, or "".
func taskType(s *instances.Snapshot) string {
	if p := s.Instance.Process; p != nil && p.CurrentTask != nil {
		return p.CurrentTask.AltinnTaskType
	}
	return ""
}

// taskPage answers a task without a layout set: a confirmation task shows a
// summary of the data with a "confirm" button, a feedback task a waiting page,
// anything else a notice; problems are blocking issues of a refused confirm.
func (h *Handler) taskPage(c *gin.Context, r *request, status int, problems []string) {
	snap, t := r.snap, texts(r.lang)
	rel := snap.Release
	switch taskType(snap) {
	case taskConfirmation:
		v := confirmView{Action: r.base + "/confirm", T: t, Issues: problems,
			CanAct: h.allowed(c, r.who, rel, snap.PartyID(), snap, process.ActionConfirm)}
		var err error
		if v.Summary, err = h.summary(c, r, t.ConfirmHeading, t.ConfirmHeading); err != nil {
			h.failed(c, rel, r.lang, err)
			return
		}
		body, err := h.fragment("confirm", v)
		if err != nil {
			h.failed(c, rel, r.lang, err)
			return
		}
		h.page(c, status, rel, r.lang, t.ConfirmHeading, body)
	case taskFeedback:
		h.message(c, status, rel, r.lang, message{Heading: t.FeedbackHeading, Text: t.FeedbackText, Link: r.base, LinkText: t.Refresh})
	default:
		h.message(c, status, rel, r.lang, message{Heading: t.NoLayoutHeading, Text: t.NoLayoutText})
	}
}

// confirm ends a confirmation task with the action confirm, then shows where the
// process went (the next task, or the receipt).
func (h *Handler) confirm(c *gin.Context) {
	r, ok := h.load(c)
	if !ok {
		return
	}
	snap := r.snap
	if taskType(snap) != taskConfirmation {
		c.Redirect(http.StatusSeeOther, r.base)
		return
	}
	if !h.allowed(c, r.who, snap.Release, snap.PartyID(), snap, process.ActionConfirm) {
		h.denied(c, snap.Release, r.lang)
		return
	}
	_, err := h.svc.ProcessNext(c.Request.Context(), r.who, snap, process.ActionConfirm, r.lang)
	var verr *instances.ValidationError
	if errors.As(err, &verr) {
		var problems []string
		for _, is := range verr.Issues {
			if is.Severity != validation.Error {
				continue
			}
			switch {
			case is.Description != "":
				problems = append(problems, is.Description)
			case is.CustomTextKey != "":
				problems = append(problems, is.CustomTextKey)
			default:
				problems = append(problems, is.Code)
			}
		}
		fresh, gerr := h.svc.Get(c.Request.Context(), refOf(snap))
		if gerr != nil {
			h.serviceError(c, r, gerr)
			return
		}
		r.snap = fresh
		h.taskPage(c, r, http.StatusConflict, problems)
		return
	}
	if err != nil {
		h.serviceError(c, r, err)
		return
	}
	c.Redirect(http.StatusSeeOther, r.base)
}
