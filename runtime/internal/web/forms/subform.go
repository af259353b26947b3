// SPDX-License-Identifier: MIT

package forms

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// subEntry is the subform entry a page edits: a data element of the data type of
// a Subform component's layout set, shown with that set's pages.
type subEntry struct {
	comp *app.Node      // the Subform component on the task's pages
	ls   *app.LayoutSet // the subform's layout set
	elem string         // the entry's data element
}

// subformPath is the path of entry elem of Subform component comp under the
// instance's form path base.
func subformPath(base, comp, elem string) string {
	return base + "/subform/" + url.PathEscape(comp) + "/" + url.PathEscape(elem)
}

// subformOf resolves Subform component id of the task's layout set ls to the
// layout set its entries use; nil when id is no such component.
func subformOf(a *app.App, ls *app.LayoutSet, id string) (*app.Node, *app.LayoutSet) {
	n := ls.Component(id)
	if n == nil || n.Type != "Subform" {
		return nil, nil
	}
	p, _ := n.Props.(*component.SubformProps)
	if p == nil {
		return nil, nil
	}
	sub := a.LayoutSet(p.LayoutSet)
	if sub == nil || sub.DataType == "" {
		return nil, nil
	}
	return n, sub
}

// entry resolves the subform entry of the path (":comp/:elem") on the task's
// layout set; false when the component or the element is not one.
func entry(c *gin.Context, snap *instances.Snapshot, ls *app.LayoutSet) (*subEntry, bool) {
	n, sub := subformOf(snap.Release.App, ls, c.Param("comp"))
	if n == nil {
		return nil, false
	}
	e, err := snap.Element(c.Param("elem"))
	if err != nil || e.DataType != sub.DataType {
		return nil, false
	}
	return &subEntry{comp: n, ls: sub, elem: e.ID}, true
}

// closesSubform reports whether CustomButton comp's actions close the subform,
// and whether they ask for the entry to be valid first.
func closesSubform(ls *app.LayoutSet, comp string) (closes, validate bool) {
	n := ls.Component(comp)
	if n == nil {
		return false, false
	}
	p, _ := n.Props.(*component.CustomButtonProps)
	if p == nil {
		return false, false
	}
	for _, a := range p.Actions {
		if a.Type == "ClientAction" && a.ID == "closeSubform" {
			return true, len(a.Validation) > 0
		}
	}
	return false, false
}

// subformAction performs a Subform component's add, edit and delete buttons on a
// task page; it answers the request itself, and false means it did not (the
// caller goes on to save and redirect).
func (h *Handler) subformAction(c *gin.Context, r *request, fs formState, act render.Action) bool {
	n, sub := subformOf(r.snap.Release.App, fs.ls, act.Component)
	if n == nil {
		h.notFound(c, r.snap.Release, r.lang)
		return true
	}
	switch act.Kind {
	case render.ActAddSubform:
		e, err := h.svc.CreateData(c.Request.Context(), r.who, r.snap, sub.DataType, instances.Upload{ContentType: "application/json", Body: http.NoBody})
		if err != nil {
			msg, ok := uploadProblem(err, texts(r.lang))
			if !ok {
				h.serviceError(c, r, err)
				return true
			}
			if ie := (*instances.Error)(nil); errors.As(err, &ie) && ie.Code == instances.CodeTooMany {
				msg = texts(r.lang).SubformTooMany
			}
			fs.issues = append(fs.issues, render.Issue{Severity: render.SeverityError, ComponentID: n.ID, Message: msg, Code: "subform"})
			h.render(c, http.StatusConflict, fs)
			return true
		}
		c.Redirect(http.StatusSeeOther, subformPath(r.base, n.ID, e.ID))
		return true
	case render.ActEditSubform:
		if e, err := r.snap.Element(act.Arg); err != nil || e.DataType != sub.DataType {
			h.notFound(c, r.snap.Release, r.lang)
			return true
		}
		c.Redirect(http.StatusSeeOther, subformPath(r.base, n.ID, act.Arg))
		return true
	case render.ActDeleteSubform:
		e, err := r.snap.Element(act.Arg)
		if err != nil || e.DataType != sub.DataType {
			h.notFound(c, r.snap.Release, r.lang)
			return true
		}
		if err := h.svc.DeleteData(c.Request.Context(), r.who, r.snap, e.ID); err != nil {
			h.serviceError(c, r, err)
			return true
		}
	}
	return false
}

// subformDone closes the entry being edited: back to the task page that holds its
// Subform component, unless check is set and the entry has errors, which show on
// its page (409).
func (h *Handler) subformDone(c *gin.Context, r *request, fs formState, check bool) {
	if check {
		snap, err := h.svc.Get(c.Request.Context(), refOf(r.snap))
		if err != nil {
			h.serviceError(c, r, err)
			return
		}
		r.snap = snap
		issues, err := h.svc.Validate(c.Request.Context(), snap, r.lang)
		if err != nil {
			h.failed(c, snap.Release, r.lang, err)
			return
		}
		shown := h.scopeIssues(issues, r, fs.ls)
		if blocking(shown) {
			if fs.data, _, err = h.formData(c, snap, r.sub); err != nil {
				h.failed(c, snap.Release, r.lang, err)
				return
			}
			fs.issues, fs.query, fs.open = renderIssues(shown, fs.ls, false), "", nil
			h.render(c, http.StatusConflict, fs)
			return
		}
	}
	page := ""
	if r.sub.comp.Page != nil {
		page = r.sub.comp.Page.ID
	}
	c.Redirect(http.StatusSeeOther, pageURLs{base: r.base}.Page(page)+"?v=1")
}

// blocking reports whether any issue is an error.
func blocking(issues []validation.Issue) bool {
	for _, is := range issues {
		if is.Severity == validation.Error {
			return true
		}
	}
	return false
}

// scopeIssues keeps the issues a page shows. A subform entry's page shows the
// entry's own. A task page shows the rest, and for the entries in error one issue
// on each Subform component whose entries they are.
func (h *Handler) scopeIssues(issues []validation.Issue, r *request, ls *app.LayoutSet) []validation.Issue {
	if r.sub != nil {
		var out []validation.Issue
		for _, is := range issues {
			if is.DataElementID == r.sub.elem && is.DataType == r.sub.ls.DataType {
				out = append(out, is)
			}
		}
		return out
	}
	comps := map[string]*app.Node{} // entry data type → Subform component
	for _, n := range ls.Components {
		if _, sub := subformOf(r.snap.Release.App, ls, n.ID); sub != nil {
			comps[sub.DataType] = n
		}
	}
	if len(comps) == 0 {
		return issues
	}
	var out []validation.Issue
	flagged := map[string]bool{}
	for _, is := range issues {
		n, ok := comps[is.DataType]
		if !ok || is.DataElementID == "" {
			out = append(out, is)
			continue
		}
		if is.Severity != validation.Error || flagged[n.ID] {
			continue
		}
		flagged[n.ID] = true
		out = append(out, validation.Issue{Severity: validation.Error, ComponentID: n.ID, Code: "subform",
			Description: texts(r.lang).SubformErrors})
	}
	return out
}

// customAction turns CustomButton comp's client navigation actions (nextPage,
// previousPage, navigateToPage) into the page actions they are; closeSubform and
// server actions stay act.
func customAction(ls *app.LayoutSet, act render.Action) render.Action {
	n := ls.Component(act.Component)
	if n == nil {
		return act
	}
	p, _ := n.Props.(*component.CustomButtonProps)
	if p == nil {
		return act
	}
	for _, a := range p.Actions {
		if a.Type != "ClientAction" {
			continue
		}
		switch a.ID {
		case "nextPage":
			return render.Action{Kind: render.ActNext}
		case "previousPage":
			return render.Action{Kind: render.ActBack}
		case "navigateToPage":
			var m struct {
				Page string `json:"page"`
			}
			if json.Unmarshal(a.Metadata, &m) == nil && m.Page != "" {
				return render.Action{Kind: render.ActPage, Arg: m.Page}
			}
		}
	}
	return act
}
