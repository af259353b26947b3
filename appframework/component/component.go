// SPDX-License-Identifier: MIT

package component

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Component is one layout component, normalised to app-frontend v4.
type Component struct {
	ID string
	// Type is the canonical v4 type name (RepeatingGroup for a v3 repeating
	// Group, Address for AddressComponent), or the type as written when unknown.
	Type string
	// WrittenType is the type as it stands in the file.
	WrittenType string
	// Known is false for types this package does not know; their properties
	// are all in Extra.
	Known    bool
	Category Category

	Hidden             *Expr
	Required           *Expr
	ReadOnly           *Expr
	RenderAsSummary    *Expr
	ForceShowInSummary *Expr
	RemoveWhenHidden   *bool
	// TextResourceBindings values are text keys, literal text or string
	// expressions.
	TextResourceBindings map[string]*Expr
	DataModelBindings    map[string]*Binding
	Grid                 *Grid
	PageBreak            *PageBreak
	ShowValidations      []string
	LabelSettings        *LabelSettings
	// Triggers is the v3 triggers list as written; Parse has already turned
	// it into its v4 equivalent.
	Triggers []string

	// Props holds the type's own properties, nil for unknown types.
	Props Props
	// Children are the component ids this component places inside itself,
	// in layout order (children, grid cells, tabs, cards, rowsBefore/After).
	Children []ChildRef
	// Extra holds every key that neither the common fields nor Props read.
	Extra map[string]json.RawMessage
	// Raw is the component exactly as written.
	Raw json.RawMessage
}

// Slot says where a child sits in its container.
type Slot uint8

// The slots a child can occupy.
const (
	// InBody is an ordinary child; in a repeating group it repeats per row.
	InBody Slot = iota
	// BeforeRows is a rowsBefore cell of a repeating group.
	BeforeRows
	// AfterRows is a rowsAfter cell of a repeating group.
	AfterRows
)

// ChildRef is a reference from a container to a child component.
type ChildRef struct {
	ID string
	// EditPage is the page index of a multi-page repeating group child
	// ("1:field"), or -1.
	EditPage int
	Slot     Slot
	// Pointer is the JSON pointer of the reference inside the component.
	Pointer string
}

// GridSize is a column span (1–12) or "auto".
type GridSize string

// UnmarshalJSON accepts a number or a string.
func (g *GridSize) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*g = GridSize(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*g = GridSize(n.String())
	return nil
}

// Breakpoints are column spans per screen size.
type Breakpoints struct {
	XS GridSize `json:"xs,omitempty"`
	SM GridSize `json:"sm,omitempty"`
	MD GridSize `json:"md,omitempty"`
	LG GridSize `json:"lg,omitempty"`
	XL GridSize `json:"xl,omitempty"`
}

// Grid is the component's place in the 12-column grid, with optional spans
// for its label and its input.
type Grid struct {
	Breakpoints
	LabelGrid *Breakpoints `json:"labelGrid,omitempty"`
	InnerGrid *Breakpoints `json:"innerGrid,omitempty"`
}

// PageBreak controls page breaks in the PDF.
type PageBreak struct {
	BreakBefore *Expr `json:"breakBefore"`
	BreakAfter  *Expr `json:"breakAfter"`
}

// LabelSettings adjusts how a form component's label is shown.
type LabelSettings struct {
	OptionalIndicator *bool `json:"optionalIndicator"`
}

// common is the decoding target for the properties every component shares.
type common struct {
	ID                   string              `json:"id"`
	Type                 string              `json:"type"`
	Hidden               *Expr               `json:"hidden"`
	Required             *Expr               `json:"required"`
	ReadOnly             *Expr               `json:"readOnly"`
	RenderAsSummary      *Expr               `json:"renderAsSummary"`
	ForceShowInSummary   *Expr               `json:"forceShowInSummary"`
	RemoveWhenHidden     *bool               `json:"removeWhenHidden"`
	TextResourceBindings map[string]*Expr    `json:"textResourceBindings"`
	DataModelBindings    map[string]*Binding `json:"dataModelBindings"`
	Grid                 *Grid               `json:"grid"`
	PageBreak            *PageBreak          `json:"pageBreak"`
	ShowValidations      []string            `json:"showValidations"`
	LabelSettings        *LabelSettings      `json:"labelSettings"`
}

// IsRepeating reports whether the component repeats its children per item
// of a list binding: RepeatingGroup (and so v3 Group with maxCount > 1).
func (c *Component) IsRepeating() bool { return c.Type == "RepeatingGroup" }

// IsContainer reports whether the component places other components inside
// itself.
func (c *Component) IsContainer() bool { return c.Category == Container || len(c.Children) > 0 }

// Binding returns the named data model binding, or nil.
func (c *Component) Binding(name string) *Binding {
	if c.DataModelBindings == nil {
		return nil
	}
	return c.DataModelBindings[name]
}

// OptionSource returns the option properties of an option-based component
// (Dropdown, RadioButtons, Checkboxes, MultipleSelect, Likert,
// FileUploadWithTag), or nil.
func (c *Component) OptionSource() *OptionProps {
	switch p := c.Props.(type) {
	case *DropdownProps:
		return &p.OptionProps
	case *RadioButtonsProps:
		return &p.OptionProps
	case *CheckboxesProps:
		return &p.OptionProps
	case *LikertProps:
		return &p.OptionProps
	case *FileUploadWithTagProps:
		return &p.OptionProps
	}
	return nil
}

// childRefs lists the child references of a decoded component.
func childRefs(c *Component) []ChildRef {
	var out []ChildRef
	plain := func(ids []string, base string) {
		for i, id := range ids {
			out = append(out, ChildRef{ID: id, EditPage: -1, Pointer: base + "/" + strconv.Itoa(i)})
		}
	}
	rows := func(rs []GridRow, base string, slot Slot) {
		for i, r := range rs {
			for j, cell := range r.Cells {
				if cell != nil && cell.Component != "" {
					out = append(out, ChildRef{ID: cell.Component, EditPage: -1, Slot: slot,
						Pointer: base + "/" + strconv.Itoa(i) + "/cells/" + strconv.Itoa(j) + "/component"})
				}
			}
		}
	}
	switch p := c.Props.(type) {
	case *GroupProps:
		plain(p.Children, "/children")
	case *AccordionProps:
		plain(p.Children, "/children")
	case *ChildrenProps:
		plain(p.Children, "/children")
	case *RepeatingGroupProps:
		rows(p.RowsBefore, "/rowsBefore", BeforeRows)
		for i, id := range p.Children {
			ref := ChildRef{ID: id, EditPage: -1, Pointer: "/children/" + strconv.Itoa(i)}
			if k := strings.IndexByte(id, ':'); k >= 0 {
				if n, err := strconv.Atoi(id[:k]); err == nil && n >= 0 {
					ref.ID, ref.EditPage = id[k+1:], n
				}
			}
			out = append(out, ref)
		}
		rows(p.RowsAfter, "/rowsAfter", AfterRows)
	case *GridProps:
		rows(p.Rows, "/rows", InBody)
	case *TabsProps:
		for i, t := range p.Tabs {
			plain(t.Children, "/tabs/"+strconv.Itoa(i)+"/children")
		}
	case *CardsProps:
		for i, card := range p.Cards {
			base := "/cards/" + strconv.Itoa(i)
			if card.Media != "" {
				out = append(out, ChildRef{ID: card.Media, EditPage: -1, Pointer: base + "/media"})
			}
			plain(card.Children, base+"/children")
		}
	case nil:
		// An unknown type with a children list is treated as a container, so
		// its children are not mistaken for top-level components.
		var ids []string
		if raw, ok := c.Extra["children"]; ok && json.Unmarshal(raw, &ids) == nil {
			plain(ids, "/children")
		}
	}
	return out
}
