// SPDX-License-Identifier: MIT

package forms

import (
	"context"
	"html/template"
	"net/http"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

type receiptView struct {
	InstanceID, Home string
	// PDF links the PDF receipt once it exists; PDFPending says it is being made.
	PDF, PDFName string
	PDFPending   bool
	// Self is the receipt's own URL, to check again for the PDF.
	Self    string
	Summary template.HTML
	T       uiText
}

// receipt confirms a submitted instance: its reference, the PDF receipt's download
// link (or, while the PDF job is queued, a line saying it is being made) and a
// read-only summary of the form. Before the process has ended it sends the user to the form.
func (h *Handler) receipt(c *gin.Context) {
	r, ok := h.load(c)
	if !ok {
		return
	}
	snap := r.snap
	rel := snap.Release
	if snap.CurrentTask() != "" || snap.EndEvent() == "" {
		c.Redirect(http.StatusSeeOther, r.base)
		return
	}
	t := texts(r.lang)
	v := receiptView{InstanceID: snap.Instance.ID, Home: appPath(rel.Org, rel.Name), Self: r.base + "/receipt", T: t}
	var err error
	if el := snap.PDFElement(); el != nil {
		v.PDF = pageURLs{base: r.base, appBase: v.Home}.Attachment(render.DataElement{ID: el.ID})
		v.PDFName = el.Filename
	} else if v.PDFPending, err = h.svc.PDFPending(c.Request.Context(), snap); err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	if v.Summary, err = h.summary(c, r, t.Receipt+": "+appTitle(rel, r.lang), t.Receipt); err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	body, err := h.fragment("receipt", v)
	if err != nil {
		h.failed(c, rel, r.lang, err)
		return
	}
	h.page(c, http.StatusOK, rel, r.lang, t.Receipt, body)
}

// summary renders the instance's form data read-only under title for the
// confirm step and the receipt, or only heading when no layout set fits it.
func (h *Handler) summary(c *gin.Context, r *request, title, heading string) (template.HTML, error) {
	return h.summaryOf(c.Request.Context(), r.snap, r.lang, r.base, title, heading, false, nil)
}

// summaryOf is summary for snap in lang, with links under the instance path base:
// the receipt page and the PDF receipt print the same HTML, except that for the
// PDF (pdf) the app's Settings.json may leave pages and components out or name a
// page to print instead (render.SummaryInput.PDF), and the links are absolute.
// The layout set is that of the first of tasks that has one (see summarySet).
func (h *Handler) summaryOf(ctx context.Context, snap *instances.Snapshot, lang, base, title, heading string, pdf bool, tasks []string) (template.HTML, error) {
	rel := snap.Release
	data, _, err := h.readForms(ctx, snap, nil, true)
	if err != nil {
		return "", err
	}
	els, err := h.elements(ctx, snap)
	if err != nil {
		return "", err
	}
	origin := "" // links of the receipt page are relative to it
	if pdf {
		origin = h.public
	}
	ls := summarySet(rel.App, data, tasks)
	if ls == nil {
		return template.HTML(`<h1 class="ds-heading" data-size="lg">` + template.HTMLEscapeString(heading) + `</h1>`), nil //nolint:gosec // escaped
	}
	return rel.Renderer.RenderSummary(render.SummaryInput{Context: render.Context{App: rel.App, LayoutSet: ls.ID,
		TaskID: ls.Tasks[0], Data: data, Language: lang, Elements: els,
		URLs: pageURLs{base: base, appBase: origin + appPath(rel.Org, rel.Name)}}, Title: title, PDF: pdf})
}

// summarySet is the layout set the receipt summarises: the set of the first of
// tasks with one whose data type the instance holds, else the first task set
// whose data type it holds.
func summarySet(a *app.App, data map[string]any, tasks []string) *app.LayoutSet {
	for _, t := range tasks {
		if ls := a.LayoutSetForTask(t); ls != nil && ls.Type != "subform" {
			if _, ok := data[ls.DataType]; ok {
				return ls
			}
		}
	}
	for _, ls := range a.LayoutSets {
		if ls.Type == "subform" || len(ls.Tasks) == 0 {
			continue
		}
		if _, ok := data[ls.DataType]; ok {
			return ls
		}
	}
	return nil
}
