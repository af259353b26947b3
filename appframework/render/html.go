// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"strconv"

	"github.com/blankett/blankett/appframework/htmlw"
)

// The printers in html*.go turn the view model into markup. They decide
// nothing: every id, text and flag was set by the build step. Values typed
// template.HTML are written as they are; every string is escaped.

// printer writes views as HTML.
type printer struct{ *htmlw.Writer }

// html writes a template.HTML value, which the build step made safe.
func (p *printer) html(s template.HTML) { p.Raw(string(s)) }

// page prints a page of the layout set as a <form>.
func (p *printer) page(pv *pageView) {
	p.Raw(`<form class="bl-page" method="post" action="`)
	p.URL(pv.Action)
	p.Raw(`" novalidate`)
	p.flag(pv.Multipart, ` enctype="multipart/form-data"`)
	p.Attr("data-page", pv.Page)
	p.wrapText(">\n"+`<button type="submit" name="_action" value="save" class="ds-sr-only" tabindex="-1">`, pv.UI.Save, "</button>\n")
	for _, h := range pv.Hidden {
		p.Raw(`<input type="hidden"`)
		p.Attr("name", h.Name)
		p.Attr("value", h.Value)
		p.Raw(">\n")
	}
	p.body(pv.Body)
	if pv.Submit != nil {
		p.Raw(`<div class="bl-buttons">`)
		p.button(pv.Submit)
		p.Raw("</div>\n")
	}
	p.Raw("</form>")
}

// summaryPage prints every visible page as a read-only summary.
func (p *printer) summaryPage(pv *pageView) {
	p.Raw(`<div class="bl-summary-page"`)
	p.Attr("data-layout-set", pv.Page)
	p.Raw(">\n")
	p.body(pv.Body)
	p.Raw("</div>")
}

// body prints a page's top-level views, one per line.
func (p *printer) body(vs []*view) {
	for _, v := range vs {
		p.node(v)
		p.Raw("\n")
	}
}

// nodes prints views one after the other.
func (p *printer) nodes(vs []*view) {
	for _, v := range vs {
		p.node(v)
	}
}

// printers maps a view's Kind to its printer; node falls back to notice.
var printers map[string]func(*printer, *view)

func init() {
	printers = map[string]func(*printer, *view){
		"input": (*printer).input, "heading": (*printer).headingView, "choices": (*printer).choices,
		"buttons": (*printer).buttons, "select": (*printer).selectField, "paragraph": (*printer).paragraph,
		"div": (*printer).div, "section": (*printer).section, "fieldset": (*printer).fieldset,
		"repgroup": (*printer).repGroup, "value": (*printer).value, "alert": (*printer).alert,
		"textarea": (*printer).textarea, "navbar": (*printer).navbar, "link": (*printer).link,
		"upload": (*printer).upload, "table": (*printer).tableBox, "sumlist": (*printer).sumList,
		"links": (*printer).links, "accordion": (*printer).accordion, "card": (*printer).card,
		"image": (*printer).image, "media": (*printer).media, "iframe": (*printer).iframe,
		"divider": (*printer).divider, "dl": (*printer).dl, "errorsummary": (*printer).errorSummary,
	}
}

// node prints one view by its Kind; a nil view prints nothing.
func (p *printer) node(v *view) {
	if v == nil {
		return
	}
	if f, ok := printers[v.Kind]; ok {
		f(p, v)
		return
	}
	p.notice(v)
}

// headingSizes are the Designsystemet heading sizes by level.
var headingSizes = [...]string{"", "lg", "md", "sm", "xs", "xs", "xs"}

// heading prints <hN> around content; level is clamped to 1–6.
func (p *printer) heading(level int, id, comp string, content template.HTML) {
	level = min(max(level, 1), 6)
	n := strconv.Itoa(level)
	p.Raw("<h" + n + ` class="ds-heading" data-size="` + headingSizes[level] + `"`)
	p.AttrIf("id", id)
	p.AttrIf("data-component", comp)
	p.wrap(">", content, "</h"+n+">")
}

func (p *printer) headingView(v *view) { p.heading(v.Level, v.ID, v.Comp, v.Title) }

// title prints a view's title, as a heading when it has a level.
func (p *printer) title(v *view) {
	if v.Level != 0 {
		p.heading(v.Level, v.TitleID(), "", v.Title)
		return
	}
	p.html(v.Title)
}

// start writes markup, an element's opening up to its attributes, then the
// id and data-component most views carry.
func (p *printer) start(markup string, v *view) {
	p.Raw(markup)
	p.Attr("id", v.ID)
	p.AttrIf("data-component", v.Comp)
}

// hidden marks a component shown only because ShowHidden asked for it.
func (p *printer) hidden(v *view) {
	p.flag(v.HiddenByExpr, ` data-hidden="true"`)
}

// common writes data-component and data-hidden, for a field whose id is on
// its input rather than its wrapper.
func (p *printer) common(v *view) {
	p.AttrIf("data-component", v.Comp)
	p.hidden(v)
}

// labelledBy points aria-labelledby at the title of a view that has one.
func (p *printer) labelledBy(v *view) {
	if v.Title != "" {
		p.Attr("aria-labelledby", v.TitleID())
	}
}

// button prints a submit button named _action.
func (p *printer) button(b *button) {
	p.Raw(`<button type="submit" class="ds-button" name="_action"`)
	p.Attr("value", b.Action)
	p.Attr("data-variant", or(b.Variant, "primary"))
	p.AttrIf("data-color", b.Color)
	p.Raw(">")
	p.html(b.Text)
	if b.SRText != "" {
		p.wrapText(`<span class="ds-sr-only"> `, b.SRText, "</span>")
	}
	p.Raw("</button>")
}

// buttonList prints buttons one after the other.
func (p *printer) buttonList(bs []button) {
	for i := range bs {
		p.button(&bs[i])
	}
}

// msgs prints validation messages.
func (p *printer) msgs(ms []message) {
	for _, m := range ms {
		p.Raw(`<p class="ds-validation-message"`)
		p.Attr("data-color", m.Color)
		p.Attr("id", m.ID)
		p.wrap(">", m.Text, "</p>")
	}
}

// itemText prints an item's text, as a link when it has one.
func (p *printer) itemText(it *item) {
	if it.Href == "" {
		p.html(it.Text)
		return
	}
	p.Raw(`<a class="ds-link" href="`)
	p.URL(it.Href)
	p.wrap(`">`, it.Text, "</a>")
}

// ui returns the renderer's own strings of v; never nil.
func (v *view) ui() *uiView {
	if v.UI == nil {
		return &uiView{}
	}
	return v.UI
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// wrap writes markup open, the HTML s and markup end.
func (p *printer) wrap(open string, s template.HTML, end string) {
	p.Raw(open)
	p.html(s)
	p.Raw(end)
}

// wrapText writes markup open, the text s escaped and markup end.
func (p *printer) wrapText(open, s, end string) {
	p.Raw(open)
	p.Text(s)
	p.Raw(end)
}

// flag writes markup, a boolean attribute or a fixed one, when on.
func (p *printer) flag(on bool, markup string) {
	if on {
		p.Raw(markup)
	}
}
