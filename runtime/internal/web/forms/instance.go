// SPDX-License-Identifier: MIT

package forms

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// request is a decoded, authorised request for one instance.
type request struct {
	a    auth.Caller
	who  authz.Caller
	lang string
	snap *instances.Snapshot
	base string // the instance's form path
	// sub is the subform entry the page edits; nil on the task's own pages.
	sub *subEntry
}

// pages is the path the request's pages are under: the instance's, or the
// subform entry's.
func (r *request) pages() string {
	if r.sub != nil {
		return subformPath(r.base, r.sub.comp.ID, r.sub.elem)
	}
	return r.base
}

// load decodes the instance of the path and authorises read on it, answering the
// request itself (login redirect, 403, 404) when it cannot go on. An instance that
// does not exist is 404 only to a caller who may read the party's instances.
func (h *Handler) load(c *gin.Context) (*request, bool) {
	ar, ok := h.loadApp(c)
	if !ok {
		return nil, false
	}
	r := &request{lang: ar.lang, a: ar.a, who: ar.who}
	org, appName, rel := c.Param("org"), c.Param("app"), ar.rel
	party, err := strconv.ParseInt(c.Param("party"), 10, 64)
	if err != nil || party <= 0 {
		h.notFound(c, rel, r.lang)
		return nil, false
	}
	r.snap, err = h.svc.Get(c.Request.Context(), instances.Ref{Org: org, App: appName, PartyID: party, GUID: c.Param("guid")})
	switch {
	case errors.Is(err, instances.ErrNotFound):
		if h.allowed(c, r.who, rel, party, nil, process.ActionRead) {
			h.notFound(c, rel, r.lang)
		} else {
			h.denied(c, rel, r.lang)
		}
		return nil, false
	case err != nil:
		h.failed(c, rel, r.lang, err)
		return nil, false
	case r.snap.Instance.Status != nil && r.snap.Instance.Status.IsSoftDeleted:
		// A deleted draft is gone for the citizen.
		h.notFound(c, rel, r.lang)
		return nil, false
	}
	if !h.allowed(c, r.who, r.snap.Release, party, r.snap, process.ActionRead) {
		h.denied(c, r.snap.Release, r.lang)
		return nil, false
	}
	r.base = instancePath(org, appName, party, c.Param("guid"))
	return r, true
}

// formData reads every form data element of the instance (the first per type, the
// entry's element for the type of subform entry sub when not nil) as decoded JSON,
// with the ids of the elements read. The values may be the decoded-form cache's,
// shared with other requests: for rendering only, never to change.
func (h *Handler) formData(c *gin.Context, snap *instances.Snapshot, sub *subEntry) (map[string]any, map[string]string, error) {
	return h.readForms(c.Request.Context(), snap, sub, true)
}

// readForms is formData outside a request; without shared the values are the
// caller's own to change.
func (h *Handler) readForms(ctx context.Context, snap *instances.Snapshot, sub *subEntry, shared bool) (map[string]any, map[string]string, error) {
	data, ids := map[string]any{}, map[string]string{}
	for _, e := range snap.Instance.Data {
		dt := snap.Release.App.Metadata.DataType(e.DataType)
		if dt == nil || dt.AppLogic == nil || dt.AppLogic.ClassRef == "" {
			continue
		}
		if sub != nil && e.DataType == sub.ls.DataType && e.ID != sub.elem {
			continue
		}
		if _, seen := ids[e.DataType]; seen {
			continue
		}
		v, err := h.decode(ctx, snap, e.ID, shared)
		if err != nil {
			return nil, nil, err
		}
		data[e.DataType], ids[e.DataType] = v, e.ID
	}
	return data, ids, nil
}

// decode reads form data element id as decoded JSON, an empty object for none.
// A shared value comes from the decoded-form cache and must not be changed.
func (h *Handler) decode(ctx context.Context, snap *instances.Snapshot, id string, shared bool) (any, error) {
	v, err := h.svc.FormValue(ctx, snap, id, shared)
	if err != nil || v != nil {
		return v, err
	}
	return map[string]any{}, nil
}

// elements are the instance's data elements as the renderer sees them; the
// entries of subforms carry their form data, which their tables show.
func (h *Handler) elements(ctx context.Context, snap *instances.Snapshot) ([]render.DataElement, error) {
	entries := map[string]bool{}
	for _, ls := range snap.Release.App.LayoutSets {
		if ls.Type == "subform" && ls.DataType != "" {
			entries[ls.DataType] = true
		}
	}
	out := make([]render.DataElement, 0, len(snap.Instance.Data))
	for _, e := range snap.Instance.Data {
		de := render.DataElement{ID: e.ID, DataType: e.DataType, Filename: e.Filename,
			ContentType: e.ContentType, Size: e.Size, Tags: e.Tags}
		if entries[e.DataType] {
			v, err := h.decode(ctx, snap, e.ID, true)
			if err != nil {
				return nil, err
			}
			de.Data = v
		}
		out = append(out, de)
	}
	return out, nil
}

// renderIssues turns validation issues into the renderer's, the field named as
// FieldName does for the layout set's default data type.
func renderIssues(issues []validation.Issue, ls *app.LayoutSet, skipRequired bool) []render.Issue {
	var out []render.Issue
	for _, is := range issues {
		if skipRequired && is.Code == "required" {
			continue
		}
		ri := render.Issue{Severity: severity(is.Severity), ComponentID: is.ComponentID,
			Message: is.Description, Code: is.Code, Field: is.Field}
		if ri.Message == "" {
			ri.Message = is.CustomTextKey
		}
		if is.Field != "" && is.DataType != "" && is.DataType != ls.DataType {
			ri.Field = is.DataType + ":" + is.Field
		}
		out = append(out, ri)
	}
	return out
}

// pageURLs are the instance's URLs in rendered fragments.
type pageURLs struct {
	base, appBase, current, query string
	// pages is the path pages are under when not base (a subform entry's).
	pages string
}

// FormAction implements render.URLs: the current page keeps its open rows.
func (u pageURLs) FormAction(page string) string {
	p := u.Page(page)
	if page == u.current && u.query != "" {
		p += "?" + u.query
	}
	return p
}

// Page implements render.URLs.
func (u pageURLs) Page(page string) string {
	if u.pages != "" {
		return u.pages + "/page/" + url.PathEscape(page)
	}
	return u.base + "/page/" + url.PathEscape(page)
}

// Attachment implements render.URLs: the app API's data endpoint.
func (u pageURLs) Attachment(e render.DataElement) string {
	return u.appBase + "instances/" + strings.TrimPrefix(u.base, u.appBase+"instance/") + "/data/" + url.PathEscape(e.ID)
}

// Resource implements render.URLs.
func (u pageURLs) Resource(src string) string { return u.appBase + strings.TrimPrefix(src, "/") }

// openRows reads the rows open for editing from ?open=<group>[:rows]; nil when none.
func openRows(q url.Values) []render.Target {
	var out []render.Target
	for _, s := range q["open"] {
		if t, err := render.ParseTarget(s); err == nil {
			out = append(out, t)
		}
	}
	return out
}

// firstPage is the first page of the set that the page order shows.
func firstPage(ls *app.LayoutSet) string {
	for _, p := range ls.Pages {
		if p.InOrder {
			return p.ID
		}
	}
	return ""
}

// neighbour is the page step pages after id in the page order, or "".
func neighbour(ls *app.LayoutSet, id string, step int) string {
	var order []string
	for _, p := range ls.Pages {
		if p.InOrder {
			order = append(order, p.ID)
		}
	}
	for i, p := range order {
		if p == id && i+step >= 0 && i+step < len(order) {
			return order[i+step]
		}
	}
	return ""
}

// severity maps a validation severity to the renderer's.
func severity(s validation.Severity) render.Severity {
	switch s {
	case validation.Warning:
		return render.SeverityWarning
	case validation.Informational:
		return render.SeverityInfo
	case validation.Success:
		return render.SeveritySuccess
	}
	return render.SeverityError
}
