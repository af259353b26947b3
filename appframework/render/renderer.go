// SPDX-License-Identifier: MIT

package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/htmlw"
)

// Renderer renders pages and summaries of any app. It holds caches of
// parsed text expressions and is safe for concurrent use: build one with
// New and share it.
type Renderer struct {
	// exprs caches small expressions the renderer builds itself
	// (["text", key], ["formatDate", …]) by their JSON.
	exprs boundedCache[*expr.Expr]
}

// maxCachedExprs bounds the expression cache.
const maxCachedExprs = 50_000

// New returns a Renderer.
func New() *Renderer {
	return &Renderer{exprs: boundedCache[*expr.Expr]{max: maxCachedExprs}}
}

// pageView is what the page printer prints.
type pageView struct {
	Action    string
	Page      string
	Multipart bool
	Hidden    []hiddenField
	Body      []*view
	UI        *uiView
	// Submit is the fallback submit button of a last page that has none.
	Submit *button
}

type hiddenField struct{ Name, Value string }

// RenderPage renders one page of a layout set as a <form> fragment.
func (r *Renderer) RenderPage(in PageInput) (template.HTML, error) {
	pv, st, err := r.buildPage(in)
	if err != nil {
		return "", err
	}
	out := printPage((*printer).page, pv)
	if st.mode != Edit || !st.lastPage(in.Page) || canSubmit(string(out)) {
		return out, nil
	}
	// A task whose layouts give no way to end it would strand the user on
	// its last page (Altinn shows no button either), so the page gets one.
	pv.Submit = &button{Action: string(ActSubmit), Text: escape(ui(st.lang, uiSubmit))}
	return printPage((*printer).page, pv), nil
}

// buildPage builds the view of one page, ready to print.
func (r *Renderer) buildPage(in PageInput) (*pageView, *state, error) {
	st, err := r.newState(&in.Context)
	if err != nil {
		return nil, nil, err
	}
	st.mode, st.open, st.showHidden = in.Mode, in.OpenRows, in.ShowHidden
	pn := st.pageNode(in.Page)
	if pn == nil {
		return nil, nil, fmt.Errorf("%w: layout set %q has no page %q", ErrInput, st.set.ID, in.Page)
	}
	st.page = in.Page
	body := st.nodes(pn.Children, bctx{level: 1, top: true})
	body = st.finish(body, st.pageTitle(in.Page))
	pv := &pageView{Action: st.urls.FormAction(in.Page), Page: in.Page, Multipart: st.multipart, Body: body, UI: st.ui}
	for name, v := range in.HiddenFields {
		pv.Hidden = append(pv.Hidden, hiddenField{name, v})
	}
	slices.SortFunc(pv.Hidden, func(a, b hiddenField) int { return strings.Compare(a.Name, b.Name) })
	return pv, st, nil
}

// lastPage reports whether page is the last one of the layout set's order.
func (st *state) lastPage(page string) bool {
	last := ""
	for _, p := range st.set.Pages {
		if p.InOrder {
			last = p.ID
		}
	}
	return last == page
}

// canSubmit reports whether a rendered last page has a control that ends
// the task: submit, next (which submits on the last page) or a process action.
func canSubmit(page string) bool {
	for _, v := range []string{`name="_action" value="submit"`, `name="_action" value="next"`, `name="_action" value="process:`} {
		if strings.Contains(page, v) {
			return true
		}
	}
	return false
}

// RenderSummary renders every visible page of the layout set as a
// read-only summary, for the confirm step, the receipt and the PDF.
func (r *Renderer) RenderSummary(in SummaryInput) (template.HTML, error) {
	pv, err := r.buildSummary(in)
	if err != nil {
		return "", err
	}
	return printPage((*printer).summaryPage, pv), nil
}

// buildSummary builds the view of a summary, ready to print.
func (r *Renderer) buildSummary(in SummaryInput) (*pageView, error) {
	st, err := r.newState(&in.Context)
	if err != nil {
		return nil, err
	}
	st.mode, st.editLinks = ReadOnly, in.EditLinks
	title := in.Title
	if title == "" {
		title = st.appTitle()
	}
	var body []*view
	if pn := st.pdfPage(in.PDF); pn != nil {
		st.page = pn.Page.ID
		body = st.nodes(pn.Children, bctx{level: 1, top: true})
	} else {
		body = st.summaryPages(bctx{level: 1, top: true})
	}
	body = st.finish(body, title)
	return &pageView{Page: st.set.ID, Body: body, UI: st.ui}, nil
}

// printPage runs one of the page printers on pv.
func printPage(f func(*printer, *pageView), pv *pageView) template.HTML {
	p := printer{htmlw.Get()}
	defer htmlw.Put(p.Writer)
	f(&p, pv)
	return template.HTML(p.String()) //nolint:gosec // built by the printers, which escape every string
}

// cachedExpr returns the parsed expression of x (a JSON-able value), from
// the cache when it is there.
func (r *Renderer) cachedExpr(key string, x any) (*expr.Expr, error) {
	return r.exprs.get(key, func() (*expr.Expr, error) { return expr.ParseValue(x) })
}
