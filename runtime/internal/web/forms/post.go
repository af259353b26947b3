// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// postPage takes the page's full form post: it writes the editable posted fields
// into the form data (typed by the model), performs the _action and redirects
// (Post/Redirect/Get), or renders the page again with its issues when a value does
// not fit its type or the task does not validate.
func (h *Handler) postPage(c *gin.Context) {
	r, ok := h.load(c)
	if !ok {
		return
	}
	ls, page, ok := h.current(c, r)
	if !ok {
		return
	}
	rel := r.snap.Release
	if !h.allowed(c, r.who, rel, r.snap.PartyID(), r.snap, process.ActionWrite) {
		h.denied(c, rel, r.lang)
		return
	}
	uploadIssues, uploaded, perr := h.readForm(c, r, ls)
	rel = r.snap.Release
	act := render.Action{Kind: render.ActSave}
	if v := c.Request.PostForm.Get(render.ActionField); perr == nil && v != "" {
		act, perr = render.ParseAction(v)
	}
	if perr != nil {
		var ie *instances.Error
		if errors.As(perr, &ie) || errors.Is(perr, instances.ErrConflict) {
			h.serviceError(c, r, perr)
			return
		}
		h.message(c, http.StatusBadRequest, rel, r.lang, message{Heading: texts(r.lang).ErrorHeading, Text: texts(r.lang).ErrorText, Link: r.base, LinkText: texts(r.lang).TryAgain})
		return
	}
	fs := formState{r: r, ls: ls, page: page, mode: render.Edit, open: openRows(c.Request.URL.Query()), fragment: wantsFragment(c)}
	fs.issues = uploadIssues
	if fs.open != nil {
		fs.query = url.Values{"open": c.QueryArray("open")}.Encode()
	}
	// The posted fields are written into data: it must be this request's own.
	data, ids, err := h.readForms(c.Request.Context(), r.snap, r.sub, false)
	if err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	fs.data = data
	els, err := h.elements(c.Request.Context(), r.snap)
	if err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	// The page as it stands decides which posted names are editable fields.
	shown, err := rel.Renderer.RenderPage(render.PageInput{Context: render.Context{App: rel.App, LayoutSet: ls.ID,
		TaskID: r.snap.CurrentTask(), Data: data, Language: r.lang, Elements: els}, Page: page, Mode: render.Edit, OpenRows: fs.open})
	if err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	changed := map[string]bool{}
	for _, f := range uploaded {
		if dt, ok := bindFile(data, ls, f, true); ok {
			changed[dt] = true
		}
		if is, err := h.tagFile(c, r, ls, f); err != nil {
			h.serviceError(c, r, err)
			return
		} else if is != nil {
			fs.issues = append(fs.issues, *is)
		}
	}
	t := texts(r.lang)
	// setField stores the posted values of field name, typed by its model.
	setField := func(name string, values []string) {
		f, err := render.ParseFieldName(name)
		if err != nil {
			return
		}
		dt := fieldDataType(f, ls)
		root, ok := data[dt].(map[string]any)
		if !ok {
			return
		}
		raw := postedValue(values)
		if v, ok := editedValue(values, storedAt(root, f.Path)); ok {
			raw = v
		}
		v, cerr := coerce(rel.App.Model(dt), f.Path, raw)
		if cerr != nil {
			msg := t.NotANumber
			if errors.Is(cerr, errNotBoolean) {
				msg = t.NotABoolean
			}
			fs.issues = append(fs.issues, render.Issue{Severity: render.SeverityError, Field: name, Message: msg, Code: "type"})
			v = raw // shown back as typed, never stored
		}
		if setPath(root, f.Path, v) == nil {
			changed[dt] = true
		}
	}
	for name := range editableNames(string(shown)) {
		values, posted := c.Request.PostForm[name]
		if !posted {
			continue
		}
		switch {
		case strings.HasPrefix(name, render.RowsPrefix):
			if dt, ok := setChoiceRows(data, ls, strings.TrimPrefix(name, render.RowsPrefix), values); ok {
				changed[dt] = true
			}
		case strings.HasPrefix(name, render.ListPrefix):
			for field, v := range listChoice(ls, strings.TrimPrefix(name, render.ListPrefix), postedValue(values)) {
				setField(field, []string{v})
			}
		default:
			setField(name, values)
		}
	}
	if len(fs.issues) > 0 {
		h.render(c, http.StatusUnprocessableEntity, fs)
		return
	}
	open := ""
	switch act.Kind {
	case render.ActAddRow, render.ActDeleteRow:
		n := ls.Component(act.Component)
		if n == nil || !n.IsRepeating() {
			h.notFound(c, rel, r.lang)
			return
		}
		var dt string
		if act.Kind == render.ActAddRow {
			var row int
			row, dt, err = h.rowRoot(data, ls.DataType, n, func(root map[string]any) (int, string, error) { return addRow(root, n, act.Rows) })
			open = render.Target{Component: n.ID, Rows: append(append([]int(nil), act.Rows...), row)}.String()
		} else {
			_, dt, err = h.rowRoot(data, ls.DataType, n, func(root map[string]any) (int, string, error) {
				d, err := deleteRow(root, n, act.Rows)
				return 0, d, err
			})
		}
		if err != nil {
			h.notFound(c, rel, r.lang)
			return
		}
		changed[dt] = true
	case render.ActEditRow:
		open = render.Target{Component: act.Component, Rows: act.Rows}.String()
	case render.ActDeleteFile:
		if err := h.deleteFile(c, r, act.Component, act.Arg); err != nil {
			h.serviceError(c, r, err)
			return
		}
		if dt, ok := bindFile(data, ls, storedFile{target: render.Target{Component: act.Component, Rows: act.Rows}, id: act.Arg}, false); ok {
			changed[dt] = true
		}
	case render.ActAddSubform, render.ActEditSubform, render.ActDeleteSubform:
		if r.sub != nil {
			h.notFound(c, rel, r.lang) // subforms do not nest
			return
		}
		if err := h.save(c, r, data, ids, changed); err != nil {
			h.serviceError(c, r, err)
			return
		}
		if h.subformAction(c, r, fs, act) {
			return
		}
		c.Redirect(http.StatusSeeOther, pageURLs{base: r.base}.Page(page)+"?v=1")
		return
	}
	if err := h.save(c, r, data, ids, changed); err != nil {
		h.serviceError(c, r, err)
		return
	}
	h.afterSave(c, r, fs, act, open)
}

// rowRoot runs a row change on the data type of group n.
func (h *Handler) rowRoot(data map[string]any, def string, n *app.Node, f func(map[string]any) (int, string, error)) (int, string, error) {
	dt := def
	if b := n.Binding("group"); b != nil && b.DataType != "" {
		dt = b.DataType
	}
	root, ok := data[dt].(map[string]any)
	if !ok {
		return 0, dt, errBadIndex
	}
	row, _, err := f(root)
	return row, dt, err
}

// afterSave performs the navigation or process part of an action once the posted
// fields are stored.
func (h *Handler) afterSave(c *gin.Context, r *request, fs formState, act render.Action, open string) {
	pages := pageURLs{base: r.base, pages: r.pages()}
	if fs.fragment && swappable(act.Kind) {
		h.swap(c, r, fs, act, open)
		return
	}
	if act.Kind == render.ActCustom {
		act = customAction(fs.ls, act)
	}
	if r.sub != nil {
		switch act.Kind {
		case render.ActSubmit, render.ActProcess:
			h.subformDone(c, r, fs, true)
			return
		case render.ActNext:
			if neighbour(fs.ls, fs.page, 1) == "" {
				h.subformDone(c, r, fs, true)
				return
			}
		case render.ActCustom:
			if closes, check := closesSubform(fs.ls, act.Component); closes {
				h.subformDone(c, r, fs, check)
				return
			}
		}
	}
	switch act.Kind {
	case render.ActPage:
		if p := fs.ls.Page(act.Arg); p != nil && p.InOrder {
			c.Redirect(http.StatusSeeOther, pages.Page(p.ID))
			return
		}
	case render.ActBack:
		if p := neighbour(fs.ls, fs.page, -1); p != "" {
			c.Redirect(http.StatusSeeOther, pages.Page(p))
			return
		}
	case render.ActNext:
		if p := neighbour(fs.ls, fs.page, 1); p != "" {
			c.Redirect(http.StatusSeeOther, pages.Page(p))
			return
		}
		h.submit(c, r, fs, "")
		return
	case render.ActSubmit:
		h.submit(c, r, fs, "")
		return
	case render.ActProcess:
		h.submit(c, r, fs, act.Arg)
		return
	case render.ActAddRow, render.ActEditRow:
		c.Redirect(http.StatusSeeOther, pages.Page(fs.page)+"?"+url.Values{"open": {open}}.Encode())
		return
	case render.ActSave, render.ActSaveRow, render.ActUpload, render.ActDeleteFile:
		c.Redirect(http.StatusSeeOther, pages.Page(fs.page)+"?v=1")
		return
	}
	c.Redirect(http.StatusSeeOther, pages.Page(fs.page))
}

// submit ends the current task through the process: the named action, or the
// first of the task's actions the caller may perform. Blocking issues render the
// page again with the error summary (409).
func (h *Handler) submit(c *gin.Context, r *request, fs formState, named string) {
	snap, err := h.svc.Get(c.Request.Context(), instances.Ref{Org: r.snap.Release.Org, App: r.snap.Release.Name,
		PartyID: r.snap.PartyID(), GUID: guidOf(r.snap)})
	if err != nil {
		h.serviceError(c, r, err)
		return
	}
	r.snap = snap
	candidates := []string{named}
	if named == "" {
		if candidates = snap.NextActions(); len(candidates) == 0 {
			candidates = []string{process.ActionWrite}
		}
	}
	action := ""
	for _, a := range candidates {
		if h.allowed(c, r.who, snap.Release, snap.PartyID(), snap, a) {
			action = a
			break
		}
	}
	if action == "" {
		h.denied(c, snap.Release, r.lang)
		return
	}
	if named == "" {
		action = "" // the task type's default, which the process resolves
	}
	next, err := h.svc.ProcessNext(c.Request.Context(), r.who, snap, action, r.lang)
	var verr *instances.ValidationError
	if errors.As(err, &verr) {
		if fs.data, _, err = h.formData(c, snap, r.sub); err != nil {
			h.failed(c, snap.Release, r.lang, err)
			return
		}
		fs.issues = renderIssues(h.scopeIssues(verr.Issues, r, fs.ls), fs.ls, false)
		fs.query, fs.open = "", nil
		h.render(c, http.StatusConflict, fs)
		return
	}
	if err != nil {
		h.serviceError(c, r, err)
		return
	}
	if next.CurrentTask() == "" {
		c.Redirect(http.StatusSeeOther, r.base+"/receipt")
		return
	}
	c.Redirect(http.StatusSeeOther, r.base)
}
