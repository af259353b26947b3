// SPDX-License-Identifier: MIT

package render

// marker prints the required or optional indicator after a label.
func (p *printer) marker(v *view) {
	switch {
	case v.Required:
		p.wrapText(` <span class="ds-tag" data-color="warning" data-size="sm">`, v.ui().Required, "</span>")
	case v.Optional:
		p.wrapText(` <span class="bl-optional">`, v.ui().Optional, "</span>")
	}
}

// labelClass opens the class of a label or legend, visually hidden when asked.
func (p *printer) labelClass(v *view) {
	p.Raw(`class="ds-label`)
	p.flag(v.SROnlyLabel, ` ds-sr-only`)
	p.Raw(`"`)
}

func (p *printer) label(v *view) {
	p.Raw("<label ")
	p.labelClass(v)
	p.Attr("for", v.ID)
	p.Attr("id", v.TitleID())
	p.Raw(">")
	p.html(v.Title)
	p.marker(v)
	p.Raw("</label>")
}

// desc prints the description and the help text.
func (p *printer) desc(v *view) {
	if v.Desc != "" {
		p.Raw(`<div data-field="description"`)
		p.Attr("id", v.DescID())
		p.wrap(">", v.Desc, "</div>")
	}
	if v.Help != "" {
		p.wrapText(`<details class="bl-help"><summary>`, v.ui().Help, "</summary><div")
		p.Attr("id", v.HelpID())
		p.wrap(">", v.Help, "</div></details>")
	}
}

// invalid marks an invalid field and points at its texts and messages.
func (p *printer) invalid(v *view) {
	p.flag(v.Invalid, ` aria-invalid="true"`)
	p.AttrIf("aria-describedby", v.DescribedBy())
}

// state writes readonly/disabled or required, then invalid.
func (p *printer) state(v *view) {
	switch {
	case v.ReadOnly && (v.Type == "radio" || v.Type == "checkbox"):
		p.Raw(" disabled")
	case v.ReadOnly:
		p.Raw(" readonly")
	case v.Required:
		p.Raw(" required")
	}
	p.invalid(v)
}

func (p *printer) maxLength(n int) {
	if n != 0 {
		p.Raw(` maxlength="`)
		p.Int(n)
		p.Raw(`"`)
	}
}

func (p *printer) inputEl(v *view) {
	p.Raw(`<input class="ds-input"`)
	p.Attr("type", v.Type)
	p.Attr("id", v.ID)
	p.AttrIf("name", v.Name)
	p.Attr("value", v.Value)
	p.AttrIf("autocomplete", v.Autocomplete)
	p.AttrIf("inputmode", v.InputMode)
	p.maxLength(v.MaxLength)
	p.AttrIf("min", v.Min)
	p.AttrIf("max", v.Max)
	p.flag(v.Checked, " checked")
	p.state(v)
	p.Raw(">")
}

// fieldStart opens a field's wrapper and prints its label and texts.
func (p *printer) fieldStart(v *view) {
	p.Raw(`<div class="ds-field"`)
	p.common(v)
	p.Raw(">")
	p.label(v)
	p.desc(v)
}

// fieldEnd prints a field's messages and closes its wrapper.
func (p *printer) fieldEnd(v *view) {
	p.msgs(v.Msgs)
	p.Raw("</div>")
}

func (p *printer) input(v *view) {
	p.fieldStart(v)
	if v.Prefix == "" && v.Suffix == "" {
		p.inputEl(v)
		p.fieldEnd(v)
		return
	}
	p.Raw(`<div class="ds-field-affixes">`)
	if v.Prefix != "" {
		p.wrap(`<span class="ds-field-affix">`, v.Prefix, "</span>")
	}
	p.inputEl(v)
	if v.Suffix != "" {
		p.wrap(`<span class="ds-field-affix">`, v.Suffix, "</span>")
	}
	p.Raw("</div>")
	p.fieldEnd(v)
}

func (p *printer) textarea(v *view) {
	p.fieldStart(v)
	p.Raw(`<textarea class="ds-input"`)
	p.Attr("id", v.ID)
	p.AttrIf("name", v.Name)
	rows := v.Rows
	if rows == 0 {
		rows = 4
	}
	p.Raw(` rows="`)
	p.Int(rows)
	p.Raw(`"`)
	p.maxLength(v.MaxLength)
	p.AttrIf("autocomplete", v.Autocomplete)
	p.state(v)
	p.wrapText(">", v.Value, "</textarea>")
	p.fieldEnd(v)
}

// emptyValue is the hidden input that makes an empty multiple choice post
// its name, so that clearing every choice is saved.
func (p *printer) emptyValue(name string) {
	p.Raw(`<input type="hidden"`)
	p.Attr("name", name)
	p.Raw(` value="">`)
}

func (p *printer) selectField(v *view) {
	p.fieldStart(v)
	if v.Multiple && v.Name != "" && !v.ReadOnly {
		p.emptyValue(v.Name)
	}
	p.Raw(`<select class="ds-input"`)
	p.Attr("id", v.ID)
	p.AttrIf("name", v.Name)
	p.flag(v.Multiple, " multiple")
	switch {
	case v.ReadOnly:
		p.Raw(" disabled")
	case v.Required:
		p.Raw(" required")
	}
	p.invalid(v)
	p.Raw(">")
	if !v.Multiple {
		p.wrapText(`<option value="">`, v.ui().Select, "</option>")
	}
	for _, o := range v.Options {
		p.Raw("<option")
		p.Attr("value", o.Value)
		p.flag(o.Checked, " selected")
		p.wrapText(">", o.Text, "</option>")
	}
	p.Raw("</select>")
	p.fieldEnd(v)
}

func (p *printer) choices(v *view) {
	p.start(`<fieldset class="ds-fieldset"`, v)
	if v.Type == "radio" {
		p.Raw(` role="radiogroup"`)
		p.flag(v.Required && !v.ReadOnly, ` aria-required="true"`)
	}
	p.AttrIf("aria-describedby", v.DescribedBy())
	p.hidden(v)
	p.Raw("><legend ")
	p.labelClass(v)
	p.Attr("id", v.TitleID())
	p.Raw(">")
	p.html(v.Title)
	p.marker(v)
	p.Raw("</legend>")
	p.desc(v)
	if v.Type == "checkbox" && v.Name != "" && !v.ReadOnly {
		p.emptyValue(v.Name)
	}
	for i := range v.Options {
		p.choice(v, &v.Options[i])
	}
	if len(v.Options) == 0 {
		p.wrapText(`<p class="ds-paragraph" data-size="sm">`, v.ui().NoOptions, "</p>")
	}
	p.msgs(v.Msgs)
	p.Raw("</fieldset>")
}

// choice prints one radio or checkbox of v.
func (p *printer) choice(v *view, o *option) {
	p.Raw(`<div class="ds-field"><input class="ds-input"`)
	p.Attr("type", v.Type)
	p.Attr("id", o.ID)
	p.AttrIf("name", v.Name)
	p.Attr("value", o.Value)
	p.flag(o.Checked, " checked")
	switch {
	case v.ReadOnly:
		p.Raw(" disabled")
	case v.Required && v.Type == "radio":
		p.Raw(" required")
	}
	p.flag(v.Invalid, ` aria-invalid="true"`)
	if o.Desc != "" {
		p.Attr("aria-describedby", o.DescID())
	}
	p.Raw(`><label class="ds-label" data-weight="regular"`)
	p.Attr("for", o.ID)
	p.wrap(">", o.Label, "</label>")
	if o.Desc != "" {
		p.Raw(`<div data-field="description"`)
		p.Attr("id", o.DescID())
		p.wrap(">", o.Desc, "</div>")
	}
	p.Raw("</div>")
}

func (p *printer) upload(v *view) {
	p.Raw(`<div class="ds-field bl-upload"`)
	p.common(v)
	p.Raw(">")
	if v.ReadOnly {
		p.Raw(`<p class="ds-label"`)
		p.Attr("id", v.ID)
		p.wrap(">", v.Title, "</p>")
	} else {
		p.label(v)
	}
	p.desc(v)
	if len(v.Items) > 0 {
		p.Raw(`<ul class="ds-list bl-files">`)
		for i := range v.Items {
			it := &v.Items[i]
			p.Raw("<li")
			p.Attr("id", it.ID)
			p.Raw(">")
			p.itemText(it)
			p.Raw(" ")
			p.html(it.Value)
			if it.Button != nil {
				p.Raw(" ")
				p.button(it.Button)
			}
			p.Raw("</li>")
		}
		p.Raw("</ul>")
	} else {
		p.wrapText(`<p class="ds-paragraph" data-size="sm">`, v.ui().NoFiles, "</p>")
	}
	if !v.ReadOnly {
		p.Raw(`<div class="ds-file-upload"><input type="file" class="ds-input"`)
		p.Attr("id", v.ID)
		p.Attr("name", v.Name)
		p.AttrIf("accept", v.Accept)
		p.flag(v.Multiple, " multiple")
		p.invalid(v)
		p.Raw("></div>")
		p.nodes(v.Extra)
		p.buttonList(v.Buttons)
	}
	p.fieldEnd(v)
}
