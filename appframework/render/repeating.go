// SPDX-License-Identifier: MIT

package render

import (
	"encoding/json"
	"html/template"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// column is one column of a repeating group's table.
type column struct {
	id                  string
	editInTable, inEdit bool
}

// repeating renders RepeatingGroup: a table of rows with edit and delete
// buttons (the open row's fields below it), all rows as fieldsets
// (showAll), or inputs in the cells (onlyTable); and an add button.
func (st *state) repeating(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	p, _ := c.Props.(*component.RepeatingGroupProps)
	if p == nil {
		p = &component.RepeatingGroupProps{}
	}
	v, child := st.titled(n, c, ctx, "repgroup", nil)
	mode := "showTable"
	if p.Edit != nil && p.Edit.Mode != "" {
		mode = p.Edit.Mode
	}
	editable := st.mode == Edit && !ctx.readOnly
	var before, after, rows []*layouttree.Node
	for _, ch := range n.Children {
		switch {
		case ch.Row:
			rows = append(rows, ch)
		case slices.Contains(n.Comp.After, ch.Comp):
			after = append(after, ch)
		default:
			before = append(before, ch)
		}
	}
	v.Children = st.nodes(before, child)
	cols := st.colSpecs(p, st.columns(n, p))
	open := st.openRow(n, p, rows)
	visible := 0
	t := &table{Actions: ui(st.lang, uiActions)}
	if !editable {
		t.Actions = ""
	}
	if v.Title != "" {
		t.Caption, t.SRCaption = v.Title, true
	}
	for _, col := range cols {
		if cn := st.set.Component(col.id); cn != nil {
			h := st.inline(cn.Component, "tableTitle", n.Scope())
			if h == "" {
				h = st.inline(cn.Component, "title", n.Scope())
			}
			t.Headers = append(t.Headers, cell{Text: h})
		}
	}
	span := len(t.Headers)
	if editable {
		span++
	}
	for _, r := range rows {
		if h, err := r.Hidden(st.env); err == nil && h && !st.showHidden {
			continue
		}
		visible++
		idx := r.Rows()[len(r.Rows())-1]
		label := ui(st.lang, uiRow) + " " + itoa(idx+1)
		rowID := domID(c.ID, r.Rows())
		isOpen := r == open
		kids := childIndex(r)
		switch mode {
		case "showAll":
			form := st.rowForm(r, c, p, rowID, label, child, cols, editable, false)
			v.Items = append(v.Items, item{View: form})
			continue
		case "hideTable":
			if open != nil {
				if isOpen {
					v.Items = append(v.Items, item{View: st.rowForm(r, c, p, rowID, label, child, cols, editable, true)})
				}
				continue
			}
		}
		tr := &row{ID: st.claim(rowID + "-row"), Span: span}
		for _, col := range cols {
			cn := kids[col.id]
			cl := cell{}
			if cn != nil {
				if (mode == "onlyTable" || col.editInTable) && editable {
					cl.View = st.node(cn, bctx{level: child.level, srLabel: true})
				} else if h, err := cn.Hidden(st.env); err == nil && (!h || st.showHidden) {
					cl.Text = escape(st.displayText(cn))
				}
			}
			tr.Cells = append(tr.Cells, cl)
		}
		if editable {
			tr.Buttons = st.rowButtons(r, c, p, mode, isOpen, label)
		}
		if isOpen && mode != "onlyTable" {
			tr.Form = st.rowForm(r, c, p, rowID, label, child, cols, editable, true)
		}
		t.Rows = append(t.Rows, tr)
	}
	if len(t.Rows) > 0 {
		v.Table = t
	}
	if editable && st.boolProp(n, c.ID, editExpr(p, "add"), true) && (p.MaxCount == nil || *p.MaxCount <= 0 || visible < *p.MaxCount) {
		text := st.inline(c, "add_button_full", n.Scope())
		if text == "" {
			text = st.inline(c, "add_button", n.Scope())
		}
		if text == "" {
			text = escape(ui(st.lang, uiAddRow))
		}
		v.Buttons = []button{{Action: Action{Kind: ActAddRow, Component: c.ID, Rows: n.Rows()}.String(), Text: text, Variant: "secondary"}}
	}
	if f, ok := st.binding(n, "group"); ok {
		v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), []string{FieldName(f)})
	}
	v.Extra = st.nodes(after, child)
	return v
}

// editExpr returns one of the edit section's button expressions.
func editExpr(p *component.RepeatingGroupProps, which string) *component.Expr {
	if p.Edit == nil {
		return nil
	}
	switch which {
	case "add":
		return p.Edit.AddButton
	case "edit":
		return p.Edit.EditButton
	case "delete":
		return p.Edit.DeleteButton
	case "save":
		return p.Edit.SaveButton
	}
	return nil
}

// columns are the table's column ids: tableHeaders, or every child.
func (st *state) columns(n *layouttree.Node, p *component.RepeatingGroupProps) []string {
	if len(p.TableHeaders) > 0 {
		return p.TableHeaders
	}
	var out []string
	for _, ch := range n.Comp.Children {
		if ch.Source != nil && ch.Source.Category == component.Form {
			out = append(out, ch.ID)
		}
	}
	return out
}

// colSpecs reads tableColumns for the columns.
func (st *state) colSpecs(p *component.RepeatingGroupProps, cols []string) []column {
	out := make([]column, 0, len(cols))
	for _, id := range cols {
		if st.set.Component(id) == nil {
			continue
		}
		col := column{id: id, inEdit: true}
		if raw, ok := p.TableColumns[id]; ok {
			var tc struct {
				EditInTable        *bool `json:"editInTable"`
				ShowInExpandedEdit *bool `json:"showInExpandedEdit"`
			}
			if json.Unmarshal(raw, &tc) == nil {
				col.editInTable = tc.EditInTable != nil && *tc.EditInTable
				col.inEdit = tc.ShowInExpandedEdit == nil || *tc.ShowInExpandedEdit
			}
		}
		out = append(out, col)
	}
	return out
}

// openRow finds the row open for editing: the one OpenRows names, or the
// one edit.openByDefault names when OpenRows is nil.
func (st *state) openRow(n *layouttree.Node, p *component.RepeatingGroupProps, rows []*layouttree.Node) *layouttree.Node {
	if st.open != nil {
		for _, r := range rows {
			for _, t := range st.open {
				if t.Component == n.Comp.ID && slices.Equal(t.Rows, r.Rows()) {
					return r
				}
			}
		}
		return nil
	}
	if p.Edit == nil || len(rows) == 0 {
		return nil
	}
	switch strings.Trim(strings.TrimSpace(string(p.Edit.OpenByDefault)), `"`) {
	case "first", "true":
		return rows[0]
	case "last":
		return rows[len(rows)-1]
	}
	return nil
}

// rowButtons are the edit/close and delete buttons of a row.
func (st *state) rowButtons(r *layouttree.Node, c *component.Component, p *component.RepeatingGroupProps, mode string, open bool, label string) []button {
	var out []button
	scope := r.Scope()
	if mode != "onlyTable" && st.boolProp(r, c.ID, editExpr(p, "edit"), true) {
		b := button{Action: Action{Kind: ActEditRow, Component: c.ID, Rows: r.Rows()}.String(), Variant: "tertiary", SRText: label}
		b.Text = st.inline(c, "edit_button_open", scope)
		if b.Text == "" {
			b.Text = escape(ui(st.lang, uiEditRow))
		}
		if open {
			b.Action = Action{Kind: ActSaveRow, Component: c.ID, Rows: r.Rows()}.String()
			if b.Text = st.inline(c, "edit_button_close", scope); b.Text == "" {
				b.Text = escape(ui(st.lang, uiCloseRow))
			}
		}
		out = append(out, b)
	}
	if st.boolProp(r, c.ID, editExpr(p, "delete"), true) {
		out = append(out, button{Action: Action{Kind: ActDeleteRow, Component: c.ID, Rows: r.Rows()}.String(),
			Text: escape(ui(st.lang, uiDeleteRow)), Variant: "tertiary", Color: "danger", SRText: label})
	}
	return out
}

// rowForm is a row's fields as a fieldset, with its save (or delete)
// button.
func (st *state) rowForm(r *layouttree.Node, c *component.Component, p *component.RepeatingGroupProps, rowID, label string, ctx bctx, cols []column, editable, save bool) *view {
	f := &view{Kind: "fieldset", ID: st.claim(rowID + "-form"), Comp: c.ID, UI: st.ui, Title: escape(label)}
	hideInEdit := map[string]bool{}
	for _, col := range cols {
		if !col.inEdit {
			hideInEdit[col.id] = true
		}
	}
	var kids []*layouttree.Node
	for _, ch := range r.Children {
		if ch.Comp != nil && !hideInEdit[ch.Comp.ID] {
			kids = append(kids, ch)
		}
	}
	f.Children = st.nodes(kids, bctx{level: ctx.level, readOnly: ctx.readOnly})
	if !editable {
		return f
	}
	if save {
		if st.boolProp(r, c.ID, editExpr(p, "save"), true) {
			text := st.inline(c, "save_button", r.Scope())
			if text == "" {
				text = escape(ui(st.lang, uiCloseRow))
			}
			f.Buttons = append(f.Buttons, button{Action: Action{Kind: ActSaveRow, Component: c.ID, Rows: r.Rows()}.String(), Text: text})
		}
		return f
	}
	if st.boolProp(r, c.ID, editExpr(p, "delete"), true) {
		f.Buttons = append(f.Buttons, button{Action: Action{Kind: ActDeleteRow, Component: c.ID, Rows: r.Rows()}.String(),
			Text: escape(ui(st.lang, uiDeleteRow)), Variant: "tertiary", Color: "danger", SRText: label})
	}
	return f
}

// rowCount is the text for a nested group in a table cell.
func rowCount(lang string, n int) template.HTML {
	return escape(strings.Replace(ui(lang, uiRowsCount), "%d", itoa(n), 1))
}
