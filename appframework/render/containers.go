// SPDX-License-Identifier: MIT

package render

import (
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// hasFormField reports whether a form component is inside n.
func hasFormField(n *layouttree.Node) bool {
	for _, c := range n.Children {
		if c.Comp != nil && c.Comp.Source != nil && c.Comp.Source.Category == component.Form {
			return true
		}
		if hasFormField(c) {
			return true
		}
	}
	return false
}

// titled starts a container view whose title is a heading at want (or the
// level after the enclosing section's).
func (st *state) titled(n *layouttree.Node, c *component.Component, ctx bctx, kind string, want *int) (*view, bctx) {
	scope := n.Scope()
	v := &view{Kind: kind, ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Title = st.inline(c, "title", scope)
	child := bctx{level: ctx.level, readOnly: ctx.readOnly, srLabel: false}
	if v.Title != "" {
		w := ctx.level + 1
		if want != nil {
			w = *want
		}
		v.Level = st.nextHeading(w)
		child.level = v.Level
	}
	v.Desc = markdown(st.trb(c, "description", scope), mdOptions{})
	return v, child
}

// group renders Group: a fieldset when it holds fields and has a title, a
// titled section otherwise, or a plain div without a title.
func (st *state) group(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	p, _ := c.Props.(*component.GroupProps)
	var want *int
	if p != nil {
		want = p.HeadingLevel
	}
	v, child := st.titled(n, c, ctx, "section", want)
	switch {
	case v.Title == "":
		v.Kind, v.Variant = "div", "group"
	case hasFormField(n):
		v.Kind = "fieldset"
	}
	if p != nil && p.GroupingIndicator != "" {
		v.Variant = p.GroupingIndicator
		if v.Kind == "div" {
			v.Variant = "group-" + p.GroupingIndicator
		}
	}
	v.Children = st.nodes(n.Children, child)
	v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), nil)
	return v
}

// plainGroup renders AccordionGroup and ButtonGroup as a div.
func (st *state) plainGroup(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "div", ID: st.id(n, c), Comp: c.ID, UI: st.ui, Variant: "accordion-group"}
	if c.Type == "ButtonGroup" {
		v.Variant = "button-group"
	}
	v.Children = st.nodes(n.Children, bctx{level: ctx.level, readOnly: ctx.readOnly})
	return v
}

// accordion renders Accordion as <details>, open when openByDefault.
func (st *state) accordion(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "accordion", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Title = st.inline(c, "title", n.Scope())
	if v.Title == "" {
		v.Title = escape(c.ID)
	}
	if p, ok := c.Props.(*component.AccordionProps); ok {
		v.Open = st.boolProp(n, c.ID, p.OpenByDefault, false)
	}
	v.Children = st.nodes(n.Children, bctx{level: ctx.level, readOnly: ctx.readOnly})
	return v
}

// childIndex maps the child instances of n by component id.
func childIndex(n *layouttree.Node) map[string]*layouttree.Node {
	m := make(map[string]*layouttree.Node, len(n.Children))
	for _, ch := range n.Children {
		if ch.Comp != nil {
			m[ch.Comp.ID] = ch
		}
	}
	return m
}

// tabs renders Tabs as one titled section per tab; the page script can
// turn them into a tab list, and without it every tab is readable.
func (st *state) tabs(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "div", Variant: "tabs", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	p, _ := c.Props.(*component.TabsProps)
	if p == nil {
		return v
	}
	kids := childIndex(n)
	for i, tab := range p.Tabs {
		sec := &view{Kind: "section", ID: v.ID + "-tab-" + itoa(i), UI: st.ui, Variant: "tab"}
		sec.Title = markdown(st.text(tab.Title, n.Scope()), mdOptions{inline: true})
		child := bctx{level: ctx.level, readOnly: ctx.readOnly}
		if sec.Title != "" {
			sec.Level = st.nextHeading(ctx.level + 1)
			child.level = sec.Level
		}
		for _, id := range tab.Children {
			if cv := st.node(kids[id], child); cv != nil {
				sec.Children = append(sec.Children, cv)
			}
		}
		v.Children = append(v.Children, sec)
	}
	return v
}

// cards renders Cards as Designsystemet cards with media, title,
// description, children and footer.
func (st *state) cards(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "div", Variant: "cards", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	p, _ := c.Props.(*component.CardsProps)
	if p == nil {
		return v
	}
	kids := childIndex(n)
	scope := n.Scope()
	for i, card := range p.Cards {
		cv := &view{Kind: "card", ID: v.ID + "-card-" + itoa(i), UI: st.ui}
		cv.Title = markdown(st.text(card.Title, scope), mdOptions{inline: true})
		child := bctx{level: ctx.level, readOnly: ctx.readOnly}
		if cv.Title != "" {
			cv.Level = st.nextHeading(ctx.level + 1)
			child.level = cv.Level
		}
		cv.Desc = markdown(st.text(card.Description, scope), mdOptions{})
		if card.Media != "" {
			if mv := st.node(kids[card.Media], child); mv != nil {
				cv.Children = append(cv.Children, mv)
			}
		}
		for _, id := range card.Children {
			if ch := st.node(kids[id], child); ch != nil {
				cv.Children = append(cv.Children, ch)
			}
		}
		cv.Body = markdown(st.text(card.Footer, scope), mdOptions{})
		v.Children = append(v.Children, cv)
	}
	return v
}

// grid renders Grid as a table; components in cells have screen-reader
// labels, and the row's readOnly makes them read-only.
func (st *state) grid(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, child := st.titled(n, c, ctx, "table", nil)
	p, _ := c.Props.(*component.GridProps)
	if p == nil {
		return v
	}
	t := &table{}
	kids := childIndex(n)
	scope := n.Scope()
	for ri, r := range p.Rows {
		header := r.Header != nil && *r.Header
		rc := child
		rc.srLabel = true
		rc.readOnly = child.readOnly || (r.ReadOnly != nil && *r.ReadOnly)
		var cells []cell
		for _, gc := range r.Cells {
			var cl cell
			switch {
			case gc == nil:
			case gc.Component != "":
				if cv := st.node(kids[gc.Component], rc); cv != nil {
					cl.View = cv
				}
			case gc.LabelFrom != "":
				if ln := st.set.Component(gc.LabelFrom); ln != nil {
					cl.Text = st.inline(ln.Component, "title", scope)
				}
			default:
				cl.Text = markdown(st.text(gc.Text, scope), mdOptions{inline: true})
			}
			cells = append(cells, cl)
		}
		if header && ri == 0 && len(t.Rows) == 0 {
			t.Headers = cells
			continue
		}
		if header {
			for i := range cells {
				cells[i].Header = true
			}
		}
		t.Rows = append(t.Rows, &row{Cells: cells})
	}
	v.Table = t
	if v.Title != "" {
		t.Caption, t.SRCaption = v.Title, true
	}
	return v
}
