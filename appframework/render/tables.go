// SPDX-License-Identifier: MIT

package render

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// orderedKeys returns the keys of the object at key in raw, in file order.
func orderedKeys(raw json.RawMessage, key string) []string {
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) != nil {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(string(top[key])))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		k, _ := t.(string)
		out = append(out, k)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return out
		}
	}
	return out
}

// ParseListChoice reads the value of a List component's radio
// ("_list:<target>"): the fields to set, by FieldName, and their values.
// The runtime must check that the fields are the component's bindings.
func ParseListChoice(value string) (map[string]string, error) {
	q, err := url.ParseQuery(value)
	if err != nil {
		return nil, fmt.Errorf("%w: list choice: %w", ErrFieldName, err)
	}
	out := make(map[string]string, len(q))
	for k, v := range q {
		if _, err := ParseFieldName(k); err != nil {
			return nil, err
		}
		out[k] = v[0]
	}
	return out, nil
}

// dataList renders List: a table of the data list's rows, each with a
// radio that sets every bound field to the row's values.
func (st *state) dataList(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "fieldset")
	p, _ := c.Props.(*component.ListProps)
	if p == nil {
		return v
	}
	cols := orderedKeys(c.Raw, "tableHeaders")
	t := &table{}
	for _, k := range cols {
		t.Headers = append(t.Headers, cell{Text: markdown(st.text(p.TableHeaders[k], n.Scope()), mdOptions{inline: true})})
	}
	t.Headers = append([]cell{{Text: escape(ui(st.lang, uiChoose))}}, t.Headers...)
	target := Target{Component: c.ID, Rows: n.Rows()}
	keys := make([]string, 0, len(n.Comp.Bindings))
	for k := range n.Comp.Bindings {
		if k != "group" && k != "checked" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	rows, ok := st.c.DataLists[p.DataListID]
	if l := st.app.DataLists[p.DataListID]; !ok && l != nil {
		rows = l.Rows
	}
	for i, r := range rows {
		q := url.Values{}
		match := len(keys) > 0
		for _, k := range keys {
			f := st.fieldOf(n, n.Comp.Bindings[k])
			val := valueText(expr.FromAny(r[k]))
			q.Set(FieldName(f), val)
			if valueText(st.lookup(f)) != val {
				match = false
			}
		}
		rowText := make([]string, 0, len(cols))
		var cells []cell
		for _, k := range cols {
			s := valueText(expr.FromAny(r[k]))
			rowText = append(rowText, s)
			cells = append(cells, cell{Text: escape(s)})
		}
		radio := &view{Kind: "input", Type: "radio", ID: v.ID + "-" + itoa(i), Comp: c.ID, UI: st.ui, SROnlyLabel: true,
			Name: ListPrefix + target.String(), Value: q.Encode(), Checked: match, ReadOnly: v.ReadOnly,
			Title: escape(strings.Join(rowText, ", "))}
		t.Rows = append(t.Rows, &row{Cells: append([]cell{{View: radio}}, cells...)})
	}
	v.Children = []*view{{Kind: "table", ID: v.ID + "-table", Comp: c.ID, UI: st.ui, Table: t}}
	if len(t.Rows) == 0 {
		v.Children = append(v.Children, &view{Kind: "paragraph", ID: v.ID + "-empty", UI: st.ui, Body: escape(ui(st.lang, uiNoRows))})
	}
	v.Required = false
	st.msgs(v, n)
	return v
}

// simpleTable renders SimpleTable: the rows of its tableData list, one
// column per columns[].accessors.
func (st *state) simpleTable(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, _ := st.titled(n, c, ctx, "table", nil)
	p, _ := c.Props.(*component.SimpleTableProps)
	t := &table{Caption: v.Title, SRCaption: true}
	var cols []struct {
		Header    string   `json:"header"`
		Accessors []string `json:"accessors"`
	}
	if p != nil {
		_ = json.Unmarshal(p.Columns, &cols)
	}
	for _, col := range cols {
		t.Headers = append(t.Headers, cell{Text: markdown(st.text(col.Header, n.Scope()), mdOptions{inline: true})})
	}
	if f, ok := st.binding(n, "tableData"); ok {
		for _, r := range st.lookup(f).AsList() {
			obj := r.AsObject()
			var cells []cell
			for _, col := range cols {
				var parts []string
				for _, a := range col.Accessors {
					if x, ok := obj.Get(a); ok {
						parts = append(parts, valueText(x))
					}
				}
				cells = append(cells, cell{Text: escape(strings.Join(parts, " "))})
			}
			t.Rows = append(t.Rows, &row{Cells: cells})
		}
	}
	v.Table = t
	return v
}

// subform renders Subform: a table of its entries (data elements of the
// subform layout set's data type) with edit and delete buttons, and an add
// button.
func (st *state) subform(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, _ := st.titled(n, c, ctx, "table", nil)
	p, _ := c.Props.(*component.SubformProps)
	if p == nil {
		return v
	}
	dataType := ""
	if s := st.app.LayoutSet(p.LayoutSet); s != nil {
		dataType = s.DataType
	}
	var cols []struct {
		Header json.RawMessage `json:"headerContent"`
		Cell   struct {
			Query   string `json:"query"`
			Default string `json:"default"`
		} `json:"cellContent"`
	}
	_ = json.Unmarshal(p.TableColumns, &cols)
	editable := st.mode == Edit && !ctx.readOnly
	t := &table{Caption: v.Title, SRCaption: true}
	if editable {
		t.Actions = ui(st.lang, uiActions)
	}
	for _, col := range cols {
		var h string
		_ = json.Unmarshal(col.Header, &h)
		t.Headers = append(t.Headers, cell{Text: markdown(st.text(h, n.Scope()), mdOptions{inline: true})})
	}
	for i, e := range st.c.Elements {
		if e.DataType != dataType || dataType == "" {
			continue
		}
		data := &expr.JSONData{Default: "entry", Models: map[string]any{"entry": e.Data}}
		r := &row{}
		for _, col := range cols {
			s := st.text(col.Cell.Default, n.Scope())
			if q, err := expr.ParsePath(col.Cell.Query); err == nil {
				if val, _ := data.Lookup("", q); !val.IsNull() {
					s = valueText(val)
				}
			}
			r.Cells = append(r.Cells, cell{Text: escape(s)})
		}
		label := ui(st.lang, uiRow) + " " + itoa(i+1)
		if editable {
			r.Buttons = append(r.Buttons, button{Action: Action{Kind: ActEditSubform, Component: c.ID, Arg: e.ID}.String(),
				Text: escape(ui(st.lang, uiEdit)), SRText: label, Variant: "tertiary"})
			if p.ShowDeleteButton == nil || *p.ShowDeleteButton {
				r.Buttons = append(r.Buttons, button{Action: Action{Kind: ActDeleteSubform, Component: c.ID, Arg: e.ID}.String(),
					Text: escape(ui(st.lang, uiDelete)), SRText: label, Variant: "tertiary", Color: "danger"})
			}
		}
		t.Rows = append(t.Rows, r)
	}
	if len(t.Rows) > 0 {
		v.Table = t
	}
	if editable && (p.ShowAddButton == nil || *p.ShowAddButton) {
		text := st.inline(c, "addButton", n.Scope())
		if text == "" {
			text = escape(ui(st.lang, uiAdd))
		}
		v.Buttons = []button{{Action: Action{Kind: ActAddSubform, Component: c.ID}.String(), Text: text, Variant: "secondary"}}
	}
	v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), nil)
	return v
}
