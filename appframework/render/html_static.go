// SPDX-License-Identifier: MIT

package render

func (p *printer) paragraph(v *view) {
	p.start(`<div class="ds-paragraph"`, v)
	p.hidden(v)
	p.Raw(">")
	p.html(v.Body)
	p.desc(v)
	p.Raw("</div>")
}

func (p *printer) value(v *view) {
	p.start(`<div class="bl-value"`, v)
	p.hidden(v)
	p.Raw(">")
	if v.Title != "" {
		p.wrap(`<dl><dt class="ds-label">`, v.Title, `</dt><dd class="ds-paragraph">`)
		p.html(v.Body)
		p.Raw("</dd></dl>")
	} else {
		p.wrap(`<p class="ds-paragraph">`, v.Body, "</p>")
	}
	p.desc(v)
	p.Raw("</div>")
}

func (p *printer) dl(v *view) {
	p.start(`<div class="bl-dl"`, v)
	p.Raw(">")
	if v.Title != "" {
		p.title(v)
	}
	p.Raw("<dl>")
	for _, it := range v.Items {
		p.wrap(`<div><dt class="ds-label">`, it.Text, `</dt><dd class="ds-paragraph">`)
		p.html(it.Value)
		p.Raw("</dd></div>")
	}
	p.Raw("</dl></div>")
}

func (p *printer) alert(v *view) {
	p.Raw(`<div class="ds-alert"`)
	p.Attr("data-color", v.Color)
	p.start("", v)
	p.hidden(v)
	p.Raw(">")
	if v.Title != "" {
		p.title(v)
	}
	p.html(v.Body)
	p.children(v)
	p.buttonList(v.Buttons)
	p.Raw("</div>")
}

func (p *printer) image(v *view) {
	p.start(`<figure class="bl-image"`, v)
	p.AttrIf("data-align", v.Variant)
	p.Raw(`><img src="`)
	p.URL(v.Src)
	p.Raw(`"`)
	p.Attr("alt", v.Text)
	p.AttrIf("width", v.Value)
	p.Raw(">")
	if v.Desc != "" {
		p.wrap("<figcaption>", v.Desc, "</figcaption>")
	}
	p.Raw("</figure>")
}

func (p *printer) media(v *view) {
	p.start(`<figure class="bl-media"`, v)
	p.Raw(">")
	el := "video"
	if v.Type == "audio" {
		el = "audio"
	}
	p.Raw("<" + el + ` controls src="`)
	p.URL(v.Src)
	p.Raw(`"`)
	p.Attr("aria-labelledby", v.TitleID())
	p.Raw(`><a class="ds-link" href="`)
	p.URL(v.Src)
	p.wrap(`">`, v.Title, "</a></"+el+"><figcaption")
	p.Attr("id", v.TitleID())
	p.wrap(">", v.Title, "</figcaption></figure>")
}

func (p *printer) iframe(v *view) {
	p.start(`<iframe class="bl-iframe"`, v)
	p.Attr("title", v.Text)
	p.Raw(` sandbox=""`)
	p.Attr("srcdoc", v.Value)
	p.Raw("></iframe>")
}

func (p *printer) divider(v *view) {
	p.Raw(`<hr class="ds-divider"`)
	p.AttrIf("data-component", v.Comp)
	p.Raw(">")
}

func (p *printer) links(v *view) {
	p.start(`<div class="bl-links"`, v)
	p.Raw(">")
	if v.Title != "" {
		p.Raw(`<p class="ds-label"`)
		p.Attr("id", v.TitleID())
		p.wrap(">", v.Title, "</p>")
	}
	p.desc(v)
	if len(v.Items) == 0 {
		p.wrapText(`<p class="ds-paragraph" data-size="sm">`, v.ui().NoFiles, "</p></div>")
		return
	}
	p.Raw(`<ul class="ds-list"`)
	p.labelledBy(v)
	p.Raw(">")
	for i := range v.Items {
		it := &v.Items[i]
		p.Raw("<li>")
		p.itemText(it)
		if it.Value != "" {
			p.Raw(" ")
			p.html(it.Value)
		}
		p.Raw("</li>")
	}
	p.Raw("</ul></div>")
}

func (p *printer) sumList(v *view) {
	p.Raw(`<dl class="bl-summary"`)
	p.Attr("id", v.ID)
	p.Raw(">")
	for i := range v.Items {
		it := &v.Items[i]
		p.Raw(`<div class="bl-summary-item"`)
		p.Attr("id", it.ID)
		p.wrap(`><dt class="ds-label">`, it.Text, `</dt><dd class="ds-paragraph">`)
		p.html(it.Value)
		if it.Href != "" {
			p.Raw(` <a class="ds-link" href="`)
			p.URL(it.Href)
			p.wrapText(`">`, v.ui().Change, `<span class="ds-sr-only"> `)
			p.Text(it.Plain)
			p.Raw("</span></a>")
		}
		p.msgs(it.Msgs)
		p.Raw("</dd></div>")
	}
	p.Raw("</dl>")
}

func (p *printer) errorSummary(v *view) {
	p.Raw(`<div class="ds-error-summary"`)
	p.Attr("id", v.ID)
	p.Raw(` tabindex="-1" role="alert"`)
	p.Attr("aria-labelledby", v.TitleID())
	p.Raw(">")
	p.heading(v.Level, v.TitleID(), "", v.Title)
	p.Raw(`<ul class="ds-list">`)
	for i := range v.Items {
		p.Raw("<li>")
		p.itemText(&v.Items[i])
		p.Raw("</li>")
	}
	p.Raw("</ul></div>")
}

func (p *printer) notice(v *view) {
	p.start(`<div class="ds-alert" data-color="warning"`, v)
	p.Attr("data-unsupported", v.Text)
	p.wrap(`><p class="ds-paragraph">`, v.Body, "</p></div>")
}
