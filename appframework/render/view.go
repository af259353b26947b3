// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"strings"
)

// view is one rendered component instance as the printers see it. The
// build step (Go) decides everything — ids, texts, heading levels, which
// buttons exist — so the printers only print; a field a kind does not use
// stays zero.
type view struct {
	// Kind selects the printer (see printers in html.go).
	Kind string
	// ID is the DOM id of the focusable element (input, fieldset, section).
	ID string
	// Comp is the component id, written as data-component.
	Comp string
	// Anchor is the id the error summary links to ("" = ID).
	Anchor string
	// Level is the heading level of Title when it is a heading (1–6).
	Level int
	Title template.HTML
	Desc  template.HTML
	Help  template.HTML
	Body  template.HTML
	Msgs  []message
	// Required, ReadOnly and Invalid describe a field.
	Required, ReadOnly, Invalid bool
	// SROnlyLabel hides the label visually (table cells, Grid).
	SROnlyLabel bool
	// Optional adds the optional indicator to the label.
	Optional bool
	// HiddenByExpr marks components shown only because of ShowHidden.
	HiddenByExpr bool
	Name, Value  string
	// Type is the input type (text, date, time, email…).
	Type                              string
	Autocomplete, InputMode, Min, Max string
	Accept                            string
	MaxLength, Rows                   int
	Multiple                          bool
	Prefix, Suffix                    template.HTML
	Options                           []option
	Children                          []*view
	Table                             *table
	Buttons                           []button
	Items                             []item
	Href, Src                         string
	NewTab                            bool
	// Color is a Designsystemet data-color; Variant a data-variant.
	Color, Variant string
	Open, Checked  bool
	Text           string
	// UI holds the renderer's own strings in the page's language.
	UI *uiView
	// Extra holds a second field of compound components (the Address
	// parts, the lookup name, the file tag select).
	Extra []*view
}

// DescID, HelpID are the ids of the description and help texts.
func (v *view) DescID() string { return v.ID + "-desc" }

// HelpID is the id of the help text.
func (v *view) HelpID() string { return v.ID + "-help" }

// TitleID is the id of the label, legend or heading.
func (v *view) TitleID() string { return v.ID + "-title" }

// DescribedBy lists the ids aria-describedby points at: description, help
// and every message.
func (v *view) DescribedBy() string {
	var ids []string
	if v.Desc != "" {
		ids = append(ids, v.DescID())
	}
	if v.Help != "" {
		ids = append(ids, v.HelpID())
	}
	for _, m := range v.Msgs {
		ids = append(ids, m.ID)
	}
	return strings.Join(ids, " ")
}

// message is a validation message beside a field.
type message struct {
	ID    string
	Color string
	Text  template.HTML
}

// option is one choice of a radio, checkbox or select.
type option struct {
	ID    string
	Value string
	Label template.HTML
	// Text is the label as plain text, for <option>.
	Text    string
	Desc    template.HTML
	Checked bool
}

// DescID is the id of the option's description.
func (o option) DescID() string { return o.ID + "-desc" }

// button is a submit button named _action.
type button struct {
	Action  string
	Text    template.HTML
	SRText  string
	Variant string
	Color   string
}

// item is a line of a list (attachments, summaries, navigation).
type item struct {
	ID   string
	Text template.HTML
	// Plain is Text without markup, for accessible names.
	Plain   string
	Value   template.HTML
	Href    string
	Current bool
	Button  *button
	View    *view
	Msgs    []message
}

// table is a table of rows (repeating groups, Grid, List, summaries).
type table struct {
	Caption template.HTML
	// SRCaption hides the caption visually when a heading already names the table.
	SRCaption bool
	Headers   []cell
	Rows      []*row
	// Actions adds a header for the row buttons column.
	Actions string
}

// row is one table row; Form is the open row's edit form shown below it.
type row struct {
	ID      string
	Header  bool
	Cells   []cell
	Buttons []button
	Form    *view
	Span    int
}

// cell is one table cell: text or a rendered component.
type cell struct {
	Text   template.HTML
	View   *view
	Header bool
	Width  string
}

// uiView holds the renderer's own strings the printers print.
type uiView struct {
	Required, Optional, Help, Select, NoOptions, NoFiles, Change, Save, NewTab string
}

func newUIView(lang string) *uiView {
	return &uiView{
		Required: ui(lang, uiRequired), Optional: ui(lang, uiOptional), Help: ui(lang, uiHelp),
		Select: ui(lang, uiSelect), NoOptions: ui(lang, uiNoOptions), NoFiles: ui(lang, uiNoFiles),
		Change: ui(lang, uiChange), Save: ui(lang, uiSave), NewTab: ui(lang, uiNewTab),
	}
}
