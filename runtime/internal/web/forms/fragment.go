// SPDX-License-Identifier: MIT

package forms

import (
	"net/http"
	"net/url"

	"github.com/blankett/blankett/appframework/render"
	"github.com/gin-gonic/gin"
)

// fragmentHeader marks the enhancement script's background posts, and the answers
// that carry only the page's form for it to swap in.
const fragmentHeader = "X-Blankett-Fragment"

// wantsFragment reports whether the post came from the enhancement script.
func wantsFragment(c *gin.Context) bool { return c.GetHeader(fragmentHeader) == "1" }

// swappable are the actions the script performs in the background; the others
// (navigation, submit, process actions) always post in full and redirect.
func swappable(k render.ActionKind) bool {
	switch k {
	case render.ActSave, render.ActAddRow, render.ActEditRow, render.ActSaveRow, render.ActDeleteRow,
		render.ActUpload, render.ActDeleteFile:
		return true
	}
	return false
}

// swap answers a background post with the page as the redirect would have shown
// it: saved values, the page's issues (without "required", which waits until the
// user moves on, as after a plain save), the open rows the action left, and the
// attachments as they are now.
func (h *Handler) swap(c *gin.Context, r *request, fs formState, act render.Action, open string) {
	snap, err := h.svc.Get(c.Request.Context(), refOf(r.snap))
	if err != nil {
		h.serviceError(c, r, err)
		return
	}
	r.snap = snap
	if fs.data, _, err = h.formData(c, snap, r.sub); err != nil {
		h.failed(c, snap.Release, r.lang, err)
		return
	}
	switch act.Kind {
	case render.ActAddRow, render.ActEditRow:
		t, _ := render.ParseTarget(open)
		fs.open, fs.query = []render.Target{t}, url.Values{"open": {open}}.Encode()
	case render.ActSaveRow, render.ActDeleteRow:
		fs.open, fs.query = nil, ""
	}
	issues, err := h.svc.Validate(c.Request.Context(), snap, r.lang)
	if err != nil {
		h.failed(c, snap.Release, r.lang, err)
		return
	}
	fs.issues = renderIssues(h.scopeIssues(issues, r, fs.ls), fs.ls, true)
	h.render(c, http.StatusOK, fs)
}
