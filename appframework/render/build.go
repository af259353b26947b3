// SPDX-License-Identifier: MIT

package render

import (
	"slices"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// nodes builds the visible component instances of ns in order.
func (st *state) nodes(ns []*layouttree.Node, ctx bctx) []*view {
	out := make([]*view, 0, len(ns))
	for _, n := range ns {
		if v := st.node(n, ctx); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// node builds one component instance, or nil when it is hidden.
func (st *state) node(n *layouttree.Node, ctx bctx) *view {
	if n == nil || n.Comp == nil || n.Row {
		return nil
	}
	an := st.set.NodeOf(n)
	if an == nil || an.Component == nil {
		return nil
	}
	c := an.Component
	hidden, err := n.Hidden(st.env)
	if err != nil {
		st.report.problem(c.ID, err.Error())
		hidden = false
	}
	if hidden && !st.showHidden {
		return nil
	}
	v := st.build(n, c, ctx)
	if v != nil && hidden {
		v.HiddenByExpr = true
	}
	return v
}

// build dispatches on the component type. Every type of app-frontend v4
// has a case; the rest get a visible notice and a Report entry.
func (st *state) build(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	switch c.Type {
	case "Input", "TextArea", "Datepicker", "TimePicker", "Map":
		return st.textField(n, c, ctx)
	case "Dropdown", "MultipleSelect":
		return st.selectField(n, c, ctx)
	case "RadioButtons", "LikertItem", "Checkboxes":
		return st.choiceField(n, c, ctx)
	case "Address":
		return st.address(n, c, ctx)
	case "PersonLookup", "OrganisationLookup", "OrganizationLookup":
		return st.lookupField(n, c, ctx)
	case "FileUpload", "FileUploadWithTag", "ImageUpload":
		return st.upload(n, c, ctx)
	case "List":
		return st.dataList(n, c, ctx)
	case "Likert":
		return st.likert(n, c, ctx)
	case "SimpleTable":
		return st.simpleTable(n, c, ctx)
	case "Subform":
		return st.subform(n, c, ctx)
	case "Group":
		return st.group(n, c, ctx)
	case "RepeatingGroup":
		return st.repeating(n, c, ctx)
	case "Grid":
		return st.grid(n, c, ctx)
	case "Accordion":
		return st.accordion(n, c, ctx)
	case "AccordionGroup", "ButtonGroup":
		return st.plainGroup(n, c, ctx)
	case "Tabs":
		return st.tabs(n, c, ctx)
	case "Cards":
		return st.cards(n, c, ctx)
	case "Header", "Heading":
		return st.header(n, c, ctx)
	case "Paragraph":
		return st.paragraph(n, c, ctx)
	case "Text", "Number", "Date", "Option":
		return st.valueView(n, c, ctx)
	case "Panel", "Alert":
		return st.alert(n, c, ctx)
	case "Divider":
		return &view{Kind: "divider", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	case "Image", "Audio", "Video":
		return st.media(n, c, ctx)
	case "IFrame":
		return st.iframe(n, c)
	case "InstanceInformation":
		return st.instanceInfo(n, c, ctx)
	case "AttachmentList":
		return st.attachmentList(n, c)
	case "Summary", "Summary2":
		return st.summaryComponent(n, c, ctx)
	case "Payment", "PaymentDetails":
		return st.payment(n, c, ctx)
	case "NavigationButtons":
		return st.navButtons(n, c)
	case "NavigationBar":
		return st.navBar(n, c)
	case "Button", "ActionButton", "CustomButton", "InstantiationButton", "PrintButton", "PDFPreviewButton", "SigningActions":
		return st.actionButton(n, c)
	case "Link":
		return st.link(n, c)
	}
	return st.unsupported(n, c)
}

// unsupported is the visible notice for a type without a renderer.
func (st *state) unsupported(n *layouttree.Node, c *component.Component) *view {
	st.report.unsupported(c.ID, c.Type)
	return &view{Kind: "notice", ID: st.id(n, c), Comp: c.ID, Text: c.Type, UI: st.ui,
		Body: escape(ui(st.lang, uiUnsupported) + " (" + c.Type + ")")}
}

// id claims the DOM id of the instance's main element.
func (st *state) id(n *layouttree.Node, c *component.Component) string {
	return st.claim(st.idPrefix + domID(c.ID, n.Rows()))
}

// boolProp evaluates a boolean property in the instance's scope; a failing
// expression is reported and counts as def.
func (st *state) boolProp(n *layouttree.Node, id string, e *component.Expr, def bool) bool {
	b, err := e.Bool(st.env, n.Scope(), def)
	if err != nil {
		st.report.problem(id, err.Error())
		return def
	}
	return b
}

// fieldOf places a binding in the instance's row and names its data type
// ("" for the layout set's default).
func (st *state) fieldOf(n *layouttree.Node, b expr.Binding) Field {
	dt := st.normDT(b.DataType)
	s := n.Scope()
	p := b.Path
	if len(s.Row) > 0 && dt == st.normDT(s.RowDataType) {
		p = p.Transpose(s.Row)
	}
	return Field{DataType: dt, Path: p}
}

func (st *state) normDT(dt string) string {
	if dt == st.set.DataType {
		return ""
	}
	return dt
}

// lookup reads a field's value.
func (st *state) lookup(f Field) expr.Value {
	v, err := st.env.Data.Lookup(f.DataType, f.Path)
	if err != nil {
		return expr.Value{}
	}
	return v
}

// binding returns the named binding of the instance as a Field.
func (st *state) binding(n *layouttree.Node, name string) (Field, bool) {
	b, ok := n.Comp.Bindings[name]
	if !ok || len(b.Path) == 0 {
		return Field{}, false
	}
	return st.fieldOf(n, b), true
}

// fieldNames are the names of every binding of the instance, in binding
// name order, for matching issues.
func (st *state) fieldNames(n *layouttree.Node) []string {
	names := make([]string, 0, len(n.Comp.Bindings))
	for k := range n.Comp.Bindings {
		names = append(names, k)
	}
	slices.Sort(names)
	out := make([]string, 0, len(names))
	for _, k := range names {
		out = append(out, FieldName(st.fieldOf(n, n.Comp.Bindings[k])))
	}
	return out
}

// base fills what every labelled component has: id, label, description,
// help, required, read-only and messages. The caller sets Anchor before
// calling msgs when the focus target is not the id.
func (st *state) base(n *layouttree.Node, c *component.Component, ctx bctx, kind string) *view {
	scope := n.Scope()
	v := &view{Kind: kind, ID: st.id(n, c), Comp: c.ID, UI: st.ui, SROnlyLabel: ctx.srLabel}
	v.Title = st.inline(c, "title", scope)
	if v.Title == "" {
		for _, alt := range []string{"tableTitle", "shortName", "summaryTitle"} {
			if v.Title = st.inline(c, alt, scope); v.Title != "" {
				break
			}
		}
	}
	v.Desc = markdown(st.trb(c, "description", scope), mdOptions{})
	v.Help = markdown(st.trb(c, "help", scope), mdOptions{})
	ro := ctx.readOnly || st.mode == ReadOnly || st.boolProp(n, c.ID, c.ReadOnly, false)
	req := st.boolProp(n, c.ID, c.Required, false)
	v.ReadOnly, v.Required = ro, req && !ro
	v.Optional = !req && !ro && c.LabelSettings != nil && c.LabelSettings.OptionalIndicator != nil && *c.LabelSettings.OptionalIndicator
	return v
}

// labelFallback gives a field without any title a name from its binding,
// so no input is left without a label.
func (st *state) labelFallback(v *view, n *layouttree.Node, c *component.Component) {
	if v.Title != "" {
		return
	}
	st.report.problem(c.ID, "no title; labelled by its binding")
	name := c.ID
	if b, ok := n.Comp.Bindings["simpleBinding"]; ok && len(b.Path) > 0 {
		name = b.Path[len(b.Path)-1].Name
		if name == "value" && len(b.Path) > 1 {
			name = b.Path[len(b.Path)-2].Name
		}
	}
	v.Title = escape(name)
}

// msgs attaches the instance's validation messages.
func (st *state) msgs(v *view, n *layouttree.Node) {
	anchor := v.Anchor
	if anchor == "" {
		anchor = v.ID
	}
	v.Msgs = st.messages(v.ID, anchor, domID(n.Comp.ID, n.Rows()), st.fieldNames(n))
	v.Invalid = hasError(v.Msgs)
}
