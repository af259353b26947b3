// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// maxSummaryDepth bounds summaries inside summarised components.
const maxSummaryDepth = 4

// displayText is a component instance's value as a person reads it:
// option labels, formatted numbers and dates, file names, row counts.
func (st *state) displayText(n *layouttree.Node) string {
	an := st.set.NodeOf(n)
	if an == nil {
		return ""
	}
	c := an.Component
	value := ""
	if _, v, ok := st.groupChoice(n, c); ok {
		value = v
	} else if f, ok := st.binding(n, "simpleBinding"); ok {
		value = valueText(st.lookup(f))
	}
	switch p := c.Props.(type) {
	case *component.InputProps:
		if nf := numberFormat(p.Formatting, st.lang); nf != nil {
			return nf.format(value)
		}
	case *component.DatepickerProps:
		return formatDate(value, p.Format)
	case *component.ValueProps:
		return st.computed(n, c)
	case *component.RepeatingGroupProps:
		count := 0
		for _, r := range n.Children {
			if r.Row {
				count++
			}
		}
		return string(rowCount(st.lang, count))
	case *component.AddressProps:
		var parts []string
		for _, k := range []string{"careOf", "address", "houseNumber", "zipCode", "postPlace"} {
			if f, ok := st.binding(n, k); ok {
				if s := valueText(st.lookup(f)); s != "" {
					parts = append(parts, s)
				}
			}
		}
		return strings.Join(parts, ", ")
	case *component.FileUploadProps, *component.FileUploadWithTagProps, *component.ImageUploadProps:
		var names []string
		for _, e := range st.attachments(n, c) {
			names = append(names, fileName(e))
		}
		return strings.Join(names, ", ")
	case *component.ListProps:
		var parts []string
		for _, k := range st.fieldNames(n) {
			f, _ := ParseFieldName(k)
			if s := valueText(st.lookup(f)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	if c.OptionSource() != nil {
		return st.optionLabels(n, c, value)
	}
	return value
}

// summaryComponent renders Summary (componentRef) and Summary2 (target
// component, page or layout set, possibly of an earlier task).
func (st *state) summaryComponent(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	if st.depth >= maxSummaryDepth {
		return nil
	}
	st.depth++
	defer func() { st.depth-- }()
	v, child := st.titled(n, c, ctx, "section", nil)
	v.Variant = "summary"
	prefix := st.idPrefix
	st.idPrefix = v.ID + "-"
	defer func() { st.idPrefix = prefix }()
	saved := st.editLinks
	st.editLinks = st.editLinks || st.mode == Edit
	defer func() { st.editLinks = saved }()
	switch p := c.Props.(type) {
	case *component.SummaryProps:
		if t := st.findNode(p.ComponentRef, n.Rows()); t != nil {
			v.Children = st.summaryOf([]*layouttree.Node{t}, child)
		}
	case *component.Summary2Props:
		v.Children = st.summary2(p, n, child)
	}
	if len(v.Children) == 0 && v.Title == "" {
		return nil
	}
	return v
}

func (st *state) summary2(p *component.Summary2Props, n *layouttree.Node, ctx bctx) []*view {
	t := p.Target
	if t == nil {
		t = &component.Summary2Target{Type: "layoutSet"}
	}
	if t.TaskID != "" && (st.c.TaskID == "" || t.TaskID != st.c.TaskID) {
		return st.otherTask(t, ctx)
	}
	switch t.Type {
	case "page":
		if pn := st.pageNode(t.ID); pn != nil {
			return st.summaryOf(pn.Children, ctx)
		}
	case "layoutSet":
		return st.summaryPages(ctx)
	default:
		if tn := st.findNode(t.ID, n.Rows()); tn != nil {
			return st.summaryOf([]*layouttree.Node{tn}, ctx)
		}
	}
	return nil
}

// otherTask summarises a target in the layout set of an earlier task.
func (st *state) otherTask(t *component.Summary2Target, ctx bctx) []*view {
	c := *st.c
	c.TaskID, c.LayoutSet = t.TaskID, ""
	c.Issues = nil
	sub, err := st.r.newState(&c)
	if err != nil {
		st.report.problem(t.ID, err.Error())
		return nil
	}
	sub.h, sub.mode, sub.depth = st.h, ReadOnly, st.depth
	sub.used, sub.idPrefix = st.used, st.idPrefix
	defer func() { st.h = sub.h }()
	nt := *t
	nt.TaskID = ""
	p := &component.Summary2Props{Target: &nt}
	if nt.Type == "" && nt.ID == "" {
		nt.Type = "layoutSet"
	}
	return sub.summary2(p, &layouttree.Node{}, ctx)
}

// findNode finds the instance of id seen from rows: in the same row or an
// enclosing one, then anywhere.
func (st *state) findNode(id string, rows []int) *layouttree.Node {
	cn := st.set.Component(id)
	if cn == nil || cn.Page == nil {
		return nil
	}
	for k := len(rows); k >= 0; k-- {
		if n := st.tree.Find(cn.Page.ID, id, rows[:k]); n != nil {
			return n
		}
	}
	return nil
}

// summaryPages summarises every visible page in order, one titled section
// each.
func (st *state) summaryPages(ctx bctx) []*view {
	var out []*view
	for _, id := range st.visiblePages() {
		pn := st.pageNode(id)
		if pn == nil || !hasFormField(pn) || st.pdfPages[id] {
			continue
		}
		sec := &view{Kind: "section", ID: st.claim(st.idPrefix + "bl-summary-" + id), UI: st.ui, Variant: "summary-page"}
		sec.Title = markdown(st.pageTitle(id), mdOptions{inline: true})
		sec.Level = st.nextHeading(ctx.level + 1)
		sec.Children = st.summaryOf(pn.Children, bctx{level: sec.Level})
		if len(sec.Children) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// summaryOf summarises component instances: fields as description list
// items (consecutive ones share a list), groups as sections, repeating
// groups as tables. Presentation and action components are left out.
func (st *state) summaryOf(ns []*layouttree.Node, ctx bctx) []*view {
	var out []*view
	var list *view
	flush := func() {
		if list != nil {
			out = append(out, list)
			list = nil
		}
	}
	for _, n := range ns {
		if n == nil || n.Comp == nil || n.Row {
			continue
		}
		if h, err := n.Hidden(st.env); err == nil && h {
			continue
		}
		an := st.set.NodeOf(n)
		if an == nil || st.pdfComps[an.Component.ID] {
			continue
		}
		c := an.Component
		switch {
		case c.Type == "RepeatingGroup":
			flush()
			out = append(out, st.summaryTable(n, c, ctx))
		case c.Type == "Likert":
			flush()
			out = append(out, st.summaryLikert(n, c, ctx))
		case c.Type == "Subform":
			flush()
			out = append(out, st.summarySubform(n, c, ctx))
		case c.Type == "Group":
			flush()
			v, child := st.titled(n, c, ctx, "section", nil)
			v.Desc = ""
			v.Children = st.summaryOf(n.Children, child)
			if v.Title == "" {
				v.Kind, v.Variant = "div", "group"
			}
			if len(v.Children) > 0 {
				out = append(out, v)
			}
		case c.Category == component.Form:
			if list == nil {
				list = &view{Kind: "sumlist", ID: st.claim(st.idPrefix + "bl-sum-" + domID(c.ID, n.Rows())), UI: st.ui}
			}
			list.Items = append(list.Items, st.summaryItem(n, c))
		case c.IsContainer():
			flush()
			out = append(out, st.summaryOf(n.Children, ctx)...)
		}
	}
	flush()
	return out
}

// summaryItem is one answer: label, value, change link and messages.
func (st *state) summaryItem(n *layouttree.Node, c *component.Component) item {
	scope := n.Scope()
	label := st.trb(c, "summaryTitle", scope)
	if label == "" {
		label = st.trb(c, "title", scope)
	}
	if label == "" {
		label = c.ID
	}
	id := domID(c.ID, n.Rows())
	it := item{ID: st.claim(st.idPrefix + "bl-sum-item-" + id), Text: markdown(label, mdOptions{inline: true}), Plain: label}
	value := st.displayText(n)
	if value == "" {
		it.Value = template.HTML(`<span class="bl-empty">` + template.HTMLEscapeString(ui(st.lang, uiEmpty)) + `</span>`)
	} else {
		it.Value = template.HTML(strings.ReplaceAll(template.HTMLEscapeString(value), "\n", "<br>"))
	}
	if st.editLinks && n.Page != nil {
		it.Href = st.urls.Page(n.Page.ID) + "#" + id
	}
	it.Msgs = st.messages(it.ID, it.ID, "", st.fieldNames(n))
	return it
}

// summaryTable summarises a repeating group as a table of display values.
func (st *state) summaryTable(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, child := st.titled(n, c, ctx, "table", nil)
	p, _ := c.Props.(*component.RepeatingGroupProps)
	if p == nil {
		p = &component.RepeatingGroupProps{}
	}
	if t := st.inline(c, "summaryTitle", n.Scope()); t != "" {
		v.Title = t
	}
	v.Desc = ""
	cols := st.colSpecs(p, st.columns(n, p))
	t := &table{Caption: v.Title, SRCaption: v.Title != ""}
	if t.Caption == "" {
		t.Caption = escape(c.ID)
	}
	for _, col := range cols {
		cn := st.set.Component(col.id)
		h := st.inline(cn.Component, "tableTitle", n.Scope())
		if h == "" {
			h = st.inline(cn.Component, "title", n.Scope())
		}
		t.Headers = append(t.Headers, cell{Text: h})
	}
	for _, r := range n.Children {
		if !r.Row {
			continue
		}
		if h, err := r.Hidden(st.env); err == nil && h {
			continue
		}
		kids := childIndex(r)
		tr := &row{}
		for _, col := range cols {
			cl := cell{}
			if cn := kids[col.id]; cn != nil {
				if h, err := cn.Hidden(st.env); err == nil && !h {
					cl.Text = escape(st.displayText(cn))
				}
			}
			tr.Cells = append(tr.Cells, cl)
		}
		t.Rows = append(t.Rows, tr)
	}
	v.Table = t
	if len(t.Rows) == 0 {
		v.Table = nil
		v.Children = []*view{{Kind: "paragraph", ID: v.ID + "-empty", UI: st.ui, Body: escape(ui(st.lang, uiNoRows))}}
	}
	_ = child
	return v
}

// summarySubform summarises a Subform as the table of its entries, without
// buttons.
func (st *state) summarySubform(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	ctx.readOnly = true
	v := st.subform(n, c, ctx)
	v.Buttons = nil
	if v.Table == nil {
		v.Children = []*view{{Kind: "paragraph", ID: v.ID + "-empty", UI: st.ui, Body: escape(ui(st.lang, uiNoRows))}}
	}
	return v
}

// summaryLikert lists each question with its answer.
func (st *state) summaryLikert(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, _ := st.titled(n, c, ctx, "section", nil)
	v.Desc = ""
	list := &view{Kind: "sumlist", ID: st.claim(st.idPrefix + "bl-sum-" + domID(c.ID, n.Rows())), UI: st.ui}
	chs := st.options(n, c)
	answer, ok := n.Comp.Bindings["answer"]
	for _, r := range n.Children {
		if !r.Row {
			continue
		}
		q := st.trb(c, "questions", r.Scope())
		val := ""
		if ok {
			val = labelOf(chs, valueText(st.lookup(st.fieldOf(r, answer))))
		}
		it := item{ID: st.claim(st.idPrefix + "bl-sum-item-" + domID(c.ID, r.Rows())), Text: markdown(q, mdOptions{inline: true}), Plain: q, Value: escape(val)}
		if val == "" {
			it.Value = escape(ui(st.lang, uiEmpty))
		}
		list.Items = append(list.Items, it)
	}
	if len(list.Items) > 0 {
		v.Children = []*view{list}
	}
	return v
}
