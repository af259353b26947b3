// SPDX-License-Identifier: MIT

package render

// children prints a container's child views.
func (p *printer) children(v *view) { p.nodes(v.Children) }

func (p *printer) buttons(v *view) {
	p.start(`<div class="bl-buttons"`, v)
	p.hidden(v)
	p.Raw(">")
	p.buttonList(v.Buttons)
	p.msgs(v.Msgs)
	p.Raw("</div>")
}

func (p *printer) navbar(v *view) {
	p.start(`<nav class="bl-navbar"`, v)
	p.Attr("aria-label", v.Text)
	p.Raw(`><ol class="ds-list">`)
	for i := range v.Items {
		it := &v.Items[i]
		p.Raw("<li>")
		if it.Current {
			p.wrap(`<span class="ds-button" data-variant="primary" aria-current="page">`, it.Text, "</span>")
		} else if it.Button != nil {
			p.button(it.Button)
		}
		p.Raw("</li>")
	}
	p.Raw("</ol></nav>")
}

func (p *printer) link(v *view) {
	p.start(`<p class="bl-link"`, v)
	p.Raw(`><a class="`)
	if v.Variant == "button" {
		p.Raw("ds-button")
	} else {
		p.Raw("ds-link")
	}
	p.Raw(`" href="`)
	p.URL(v.Href)
	p.Raw(`"`)
	p.flag(v.NewTab, ` target="_blank" rel="noopener noreferrer"`)
	p.AttrIf("download", v.Value)
	p.Raw(">")
	p.html(v.Title)
	if v.NewTab {
		p.wrapText(`<span class="ds-sr-only"> `, v.ui().NewTab, "</span>")
	}
	p.Raw("</a></p>")
}

func (p *printer) fieldset(v *view) {
	p.start(`<fieldset class="ds-fieldset"`, v)
	p.AttrIf("data-variant", v.Variant)
	p.AttrIf("aria-describedby", v.DescribedBy())
	p.hidden(v)
	p.Raw("><legend ")
	p.labelClass(v)
	p.Raw(">")
	p.title(v)
	p.marker(v)
	p.Raw("</legend>")
	p.desc(v)
	p.children(v)
	p.nodes(v.Extra)
	p.buttonList(v.Buttons)
	p.msgs(v.Msgs)
	p.Raw("</fieldset>")
}

// sectionStart opens a <section> of class (and "bl-"+variant) and prints
// its title and texts.
func (p *printer) sectionStart(class, variant string, v *view) {
	p.Raw(`<section class="` + class)
	if variant != "" {
		p.Raw(" bl-")
		p.Text(variant)
	}
	p.start(`"`, v)
	p.labelledBy(v)
	p.hidden(v)
	p.Raw(">")
	if v.Title != "" {
		p.title(v)
	}
	p.desc(v)
}

func (p *printer) section(v *view) {
	p.sectionStart("bl-section", v.Variant, v)
	p.children(v)
	p.buttonList(v.Buttons)
	p.msgs(v.Msgs)
	p.Raw("</section>")
}

func (p *printer) div(v *view) {
	p.wrapText(`<div class="bl-`, or(v.Variant, "group"), `"`)
	p.start("", v)
	p.hidden(v)
	p.Raw(">")
	p.children(v)
	p.msgs(v.Msgs)
	p.Raw("</div>")
}

func (p *printer) repGroup(v *view) {
	p.sectionStart("bl-repeating", "", v)
	p.children(v)
	if v.Table != nil {
		p.table(v.Table)
	}
	for i := range v.Items {
		p.node(v.Items[i].View)
	}
	p.buttonList(v.Buttons)
	p.msgs(v.Msgs)
	p.nodes(v.Extra)
	p.Raw("</section>")
}

func (p *printer) tableBox(v *view) {
	p.sectionStart("bl-table", "", v)
	if v.Table != nil {
		p.table(v.Table)
	}
	p.children(v)
	p.buttonList(v.Buttons)
	p.msgs(v.Msgs)
	p.Raw("</section>")
}

func (p *printer) table(t *table) {
	p.Raw(`<table class="ds-table" data-border>`)
	if t.Caption != "" {
		p.Raw("<caption")
		p.flag(t.SRCaption, ` class="ds-sr-only"`)
		p.wrap(">", t.Caption, "</caption>")
	}
	if len(t.Headers) > 0 || t.Actions != "" {
		p.Raw("<thead><tr>")
		for _, h := range t.Headers {
			p.wrap(`<th scope="col">`, h.Text, "</th>")
		}
		if t.Actions != "" {
			p.wrapText(`<th scope="col"><span class="ds-sr-only">`, t.Actions, "</span></th>")
		}
		p.Raw("</tr></thead>")
	}
	p.Raw("<tbody>")
	for _, r := range t.Rows {
		p.row(r)
	}
	p.Raw("</tbody></table>")
}

// row prints a table row and, below it, the open row's edit form.
func (p *printer) row(r *row) {
	p.Raw("<tr")
	p.AttrIf("id", r.ID)
	p.Raw(">")
	for i := range r.Cells {
		c := &r.Cells[i]
		if c.Header {
			p.Raw(`<th scope="row">`)
		} else {
			p.Raw("<td>")
		}
		if c.View != nil {
			p.node(c.View)
		} else {
			p.html(c.Text)
		}
		if c.Header {
			p.Raw("</th>")
		} else {
			p.Raw("</td>")
		}
	}
	if len(r.Buttons) > 0 {
		p.Raw(`<td class="bl-row-actions">`)
		p.buttonList(r.Buttons)
		p.Raw("</td>")
	}
	p.Raw("</tr>")
	if r.Form != nil {
		p.Raw(`<tr class="bl-row-form"><td colspan="`)
		p.Int(r.Span)
		p.Raw(`">`)
		p.node(r.Form)
		p.Raw("</td></tr>")
	}
}

func (p *printer) accordion(v *view) {
	p.start(`<details class="ds-details"`, v)
	p.flag(v.Open, " open")
	p.hidden(v)
	p.wrap("><summary>", v.Title, "</summary><div>")
	p.children(v)
	p.Raw("</div></details>")
}

func (p *printer) card(v *view) {
	p.Raw(`<div class="ds-card"`)
	p.Attr("id", v.ID)
	p.AttrIf("data-color", v.Color)
	p.Raw(">")
	if v.Title != "" {
		p.title(v)
	}
	p.desc(v)
	p.children(v)
	if v.Body != "" {
		p.wrap(`<div class="bl-card-footer">`, v.Body, "</div>")
	}
	p.Raw("</div>")
}
