// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// textField renders Input, TextArea, Datepicker, TimePicker and Map as one
// text-like control bound to simpleBinding.
func (st *state) textField(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "input")
	v.Type = "text"
	f, bound := st.binding(n, "simpleBinding")
	if bound {
		v.Name = FieldName(f)
		v.Value = valueText(st.lookup(f))
	}
	switch p := c.Props.(type) {
	case *component.InputProps:
		st.inputProps(v, n, c, p)
	case *component.TextAreaProps:
		v.Kind = "textarea"
		if p.MaxLength != nil {
			v.MaxLength = *p.MaxLength
		}
		v.Autocomplete = p.Autocomplete
	case *component.DatepickerProps:
		// A stored value that is not a date stays editable as text, so
		// saving the page does not wipe it.
		if d := isoDate(v.Value); v.Value == "" || len(d) == 10 {
			v.Type, v.Value = "date", d
		}
		v.Min = st.dateLimit(n, c, p.MinDate)
		v.Max = st.dateLimit(n, c, p.MaxDate)
	case *component.TimePickerProps:
		v.Type = "time"
		if len(v.Value) >= 5 {
			v.Value = v.Value[:5]
		}
	case *component.MapProps:
		if !bound {
			return st.mapGeometries(n, c, v)
		}
		hint := ui(st.lang, uiCoordinates)
		v.Desc = template.HTML(string(v.Desc) + "<p>" + template.HTMLEscapeString(hint) + "</p>")
		v.InputMode = "decimal"
	}
	st.labelFallback(v, n, c)
	st.msgs(v, n)
	return v
}

func (st *state) inputProps(v *view, n *layouttree.Node, c *component.Component, p *component.InputProps) {
	if p.MaxLength != nil {
		v.MaxLength = *p.MaxLength
	}
	v.Autocomplete = p.Autocomplete
	if p.Variant == "search" {
		v.Type = "search"
	}
	switch p.Autocomplete {
	case "email":
		v.Type = "email"
	case "tel":
		v.Type = "tel"
	}
	scope := n.Scope()
	v.Prefix = st.inline(c, "prefix", scope)
	v.Suffix = st.inline(c, "suffix", scope)
	if nf := numberFormat(p.Formatting, st.lang); nf != nil {
		v.InputMode = "decimal"
		if v.Prefix == "" {
			v.Prefix = escape(strings.TrimSpace(nf.prefix))
		}
		if v.Suffix == "" {
			v.Suffix = escape(strings.TrimSpace(nf.suffix))
		}
	}
}

// isoDate keeps the date part of a stored date or timestamp, the only
// value <input type="date"> accepts.
func isoDate(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return s
}

// dateLimit resolves minDate/maxDate: an ISO date, today/yesterday/
// tomorrow and their relatives, or an expression.
func (st *state) dateLimit(n *layouttree.Node, c *component.Component, e *component.Expr) string {
	if e == nil || e.Parsed == nil {
		return ""
	}
	v, err := e.Parsed.Eval(st.env, n.Scope())
	if err != nil {
		st.report.problem(c.ID, err.Error())
		return ""
	}
	s := valueText(v)
	switch strings.ToLower(s) {
	case "today":
		return st.now.Format("2006-01-02")
	case "yesterday":
		return st.now.AddDate(0, 0, -1).Format("2006-01-02")
	case "tomorrow":
		return st.now.AddDate(0, 0, 1).Format("2006-01-02")
	}
	if d := isoDate(s); len(d) == 10 {
		return d
	}
	return ""
}

// mapGeometries shows a Map bound to geometries only: they are drawn by
// the map script; without it the count is shown.
func (st *state) mapGeometries(n *layouttree.Node, c *component.Component, v *view) *view {
	v.Kind = "value"
	count := 0
	if f, ok := st.binding(n, "geometries"); ok {
		count = len(st.lookup(f).AsList())
	}
	v.Body = escape(strings.Replace(ui(st.lang, uiCount), "%d", itoa(count), 1))
	st.labelFallback(v, n, c)
	st.msgs(v, n)
	return v
}

// subInput builds one input of a compound component (Address, lookups).
func (st *state) subInput(n *layouttree.Node, parent *view, key, label, autocomplete string) *view {
	f, ok := st.binding(n, key)
	if !ok {
		return nil
	}
	v := &view{Kind: "input", Type: "text", ID: parent.ID + "-" + key, Comp: parent.Comp, UI: st.ui,
		Title: escape(label), Name: FieldName(f), Value: valueText(st.lookup(f)), Autocomplete: autocomplete,
		ReadOnly: parent.ReadOnly, Required: parent.Required && key != "careOf" && key != "houseNumber"}
	v.Msgs = st.messages(v.ID, v.ID, "", []string{FieldName(f)})
	v.Invalid = hasError(v.Msgs)
	return v
}

// address renders Address as a fieldset of its parts; simplified (the
// default) leaves out c/o and flat number.
func (st *state) address(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "fieldset")
	if v.Title == "" {
		v.Title = escape(ui(st.lang, uiAddress))
	}
	simplified := true
	if p, ok := c.Props.(*component.AddressProps); ok && p.Simplified != nil {
		simplified = *p.Simplified
	}
	parts := []struct {
		key, auto string
		label     uiKey
	}{
		{"address", "street-address", uiAddress}, {"careOf", "", uiCareOf}, {"zipCode", "postal-code", uiZipCode},
		{"postPlace", "address-level2", uiPostPlace}, {"houseNumber", "", uiHouseNumber},
	}
	for _, p := range parts {
		if simplified && (p.key == "careOf" || p.key == "houseNumber") {
			continue
		}
		label := ui(st.lang, p.label)
		if t := st.trb(c, p.key+"Title", n.Scope()); t != "" {
			label = t
		}
		if sub := st.subInput(n, v, p.key, label, p.auto); sub != nil {
			v.Extra = append(v.Extra, sub)
		}
	}
	v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), nil)
	return st.requiredOnParts(v)
}

// requiredOnParts moves the required marker from the legend to the parts.
func (st *state) requiredOnParts(v *view) *view {
	v.Required = false
	for _, e := range v.Extra {
		if e.Invalid {
			v.Anchor = e.ID
		}
	}
	return v
}

// lookupField renders PersonLookup and OrganisationLookup: the number, the
// name the lookup fills in, and a lookup button.
func (st *state) lookupField(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "fieldset")
	numKey, numLabel, nameKey := "person_lookup_ssn", uiSsn, "person_lookup_name"
	if c.Type != "PersonLookup" {
		numKey, numLabel, nameKey = "organisation_lookup_orgnr", uiOrgNr, "organisation_lookup_name"
	}
	if v.Title == "" {
		v.Title = escape(ui(st.lang, numLabel))
	}
	if num := st.subInput(n, v, numKey, ui(st.lang, numLabel), ""); num != nil {
		num.InputMode = "numeric"
		v.Extra = append(v.Extra, num)
	}
	if name := st.subInput(n, v, nameKey, ui(st.lang, uiName), ""); name != nil {
		name.ReadOnly, name.Required = true, false
		v.Extra = append(v.Extra, name)
	}
	if !v.ReadOnly {
		v.Buttons = []button{{Action: Action{Kind: ActLookup, Component: c.ID, Rows: n.Rows()}.String(),
			Text: escape(ui(st.lang, uiLookup)), Variant: "secondary"}}
	}
	v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), nil)
	return st.requiredOnParts(v)
}
