// SPDX-License-Identifier: MIT

package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// maxFormBytes bounds a posted form without files.
const maxFormBytes = 10 << 20

// formState is one render of a page.
type formState struct {
	r      *request
	ls     *app.LayoutSet
	page   string
	data   map[string]any
	issues []render.Issue
	open   []render.Target
	query  string
	mode   render.Mode
	// fragment answers with the page's form alone, for the enhancement script.
	fragment bool
}

// current resolves the task's layout set and the page of the path, answering the
// request when there is none (receipt redirect, notice, 404).
func (h *Handler) current(c *gin.Context, r *request) (*app.LayoutSet, string, bool) {
	snap := r.snap
	if snap.CurrentTask() == "" {
		if snap.EndEvent() != "" {
			c.Redirect(http.StatusSeeOther, r.base+"/receipt")
		} else {
			h.notFound(c, snap.Release, r.lang)
		}
		return nil, "", false
	}
	ls := snap.Release.App.LayoutSetForTask(snap.CurrentTask())
	if ls == nil {
		h.taskPage(c, r, http.StatusOK, nil)
		return nil, "", false
	}
	if c.Param("comp") != "" {
		sub, ok := entry(c, snap, ls)
		if !ok {
			h.notFound(c, snap.Release, r.lang)
			return nil, "", false
		}
		r.sub, ls = sub, sub.ls
	}
	page := c.Param("page")
	if page == "" {
		page = firstPage(ls)
	}
	if p := ls.Page(page); p == nil || !p.InOrder {
		h.notFound(c, snap.Release, r.lang)
		return nil, "", false
	}
	return ls, page, true
}

// render renders the page inside the chrome.
func (h *Handler) render(c *gin.Context, status int, fs formState) {
	snap := fs.r.snap
	rel := snap.Release
	urls := pageURLs{base: fs.r.base, pages: fs.r.pages(), appBase: appPath(rel.Org, rel.Name), current: fs.page, query: fs.query}
	els, err := h.elements(c.Request.Context(), snap)
	if err != nil {
		h.failed(c, rel, fs.r.lang, err)
		return
	}
	in := render.PageInput{Context: render.Context{App: rel.App, LayoutSet: fs.ls.ID, TaskID: snap.CurrentTask(), Data: fs.data,
		Language: fs.r.lang, Issues: fs.issues, URLs: urls, Elements: els}, Page: fs.page, Mode: fs.mode, OpenRows: fs.open}
	body, err := rel.Renderer.RenderPage(in)
	if err != nil {
		h.failed(c, rel, fs.r.lang, err)
		return
	}
	if fs.fragment {
		c.Header("Cache-Control", "no-store")
		c.Header(fragmentHeader, "1")
		c.Header("Vary", fragmentHeader)
		c.Data(status, "text/html; charset=utf-8", []byte(body))
		return
	}
	ch := chrome{}
	if fs.mode == render.Edit {
		ch.Script = h.js
	}
	h.pageWith(c, status, rel, fs.r.lang, fs.page, body, ch)
}

// showPage renders a page of the current task: editable for a caller who may
// write, read-only otherwise. After a save (?v=1) the page's issues are shown,
// except "required", which waits until the user moves on.
func (h *Handler) showPage(c *gin.Context) {
	r, ok := h.load(c)
	if !ok {
		return
	}
	ls, page, ok := h.current(c, r)
	if !ok {
		return
	}
	fs := formState{r: r, ls: ls, page: page, mode: render.ReadOnly, open: openRows(c.Request.URL.Query())}
	if h.allowed(c, r.who, r.snap.Release, r.snap.PartyID(), r.snap, process.ActionWrite) {
		fs.mode = render.Edit
	}
	if fs.open != nil {
		fs.query = url.Values{"open": c.QueryArray("open")}.Encode()
	}
	var err error
	if fs.data, _, err = h.formData(c, r.snap, r.sub); err != nil {
		h.failed(c, r.snap.Release, r.lang, err)
		return
	}
	if c.Query("v") == "1" {
		issues, err := h.svc.Validate(c.Request.Context(), r.snap, r.lang)
		if err != nil {
			h.failed(c, r.snap.Release, r.lang, err)
			return
		}
		fs.issues = renderIssues(h.scopeIssues(issues, r, ls), ls, true)
	}
	h.render(c, http.StatusOK, fs)
}

// save writes the form data of the data types in changed.
func (h *Handler) save(c *gin.Context, r *request, data map[string]any, ids map[string]string, changed map[string]bool) error {
	for dt := range changed {
		id, ok := ids[dt]
		if !ok {
			continue // no element of that type to write into
		}
		b, err := json.Marshal(data[dt])
		if err != nil {
			return err
		}
		up := instances.Upload{ContentType: "application/json", Length: int64(len(b)), Body: bytes.NewReader(b)}
		if _, err := h.svc.ReplaceData(c.Request.Context(), r.who, r.snap, id, up); err != nil {
			return err
		}
	}
	return nil
}

// conflict answers a save or move that lost a race or hit a locked element.
func (h *Handler) conflict(c *gin.Context, r *request) {
	t := texts(r.lang)
	h.message(c, http.StatusConflict, r.snap.Release, r.lang, message{Heading: t.ConflictHeading, Text: t.ConflictText,
		Link: r.base, LinkText: t.TryAgain})
}

// serviceError answers an error from the instance service.
func (h *Handler) serviceError(c *gin.Context, r *request, err error) {
	switch {
	case errors.Is(err, instances.ErrConflict):
		h.conflict(c, r)
	case errors.Is(err, instances.ErrNotFound):
		h.notFound(c, r.snap.Release, r.lang)
	default:
		h.failed(c, r.snap.Release, r.lang, err)
	}
}
