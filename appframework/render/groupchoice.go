// SPDX-License-Identifier: MIT

package render

import (
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// RowsPrefix starts the name of a Checkboxes or MultipleSelect bound to a
// group ("_rows:" + Target): each chosen value is a row of the group list,
// so the runtime rewrites the rows instead of storing one string.
const RowsPrefix = "_rows:"

// GroupChoice is how a group-bound Checkboxes or MultipleSelect stores its
// choices: one row per value in the list at Group, the value at Value and,
// when Checked is set, a boolean there that a soft deletion clears instead
// of removing the row.
type GroupChoice struct {
	Group, Value, Checked expr.Path
	DataType              string
	// Soft keeps unchosen rows with Checked false (deletionStrategy "soft").
	Soft bool
}

// GroupChoiceOf returns the group binding of a Checkboxes or MultipleSelect
// with the value and checked paths relative to a row, or false when c stores
// a plain comma-separated string.
func GroupChoiceOf(c *component.Component) (GroupChoice, bool) {
	if c == nil || (c.Type != "Checkboxes" && c.Type != "MultipleSelect") {
		return GroupChoice{}, false
	}
	g, s := c.Binding("group"), c.Binding("simpleBinding")
	if g == nil || g.Err != nil || len(g.Path) == 0 || s == nil || s.Err != nil ||
		s.DataType != g.DataType || !hasPrefix(s.Path, g.Path) || len(s.Path) == len(g.Path) {
		return GroupChoice{}, false
	}
	gc := GroupChoice{Group: g.Path, Value: s.Path[len(g.Path):], DataType: g.DataType}
	if ch := c.Binding("checked"); ch != nil && ch.Err == nil && ch.DataType == g.DataType && hasPrefix(ch.Path, g.Path) && len(ch.Path) > len(g.Path) {
		gc.Checked = ch.Path[len(g.Path):]
		if p, ok := c.Props.(*component.CheckboxesProps); ok {
			gc.Soft = p.DeletionStrategy == "soft"
		}
	}
	return gc, true
}

// hasPrefix reports whether p starts with the names of prefix.
func hasPrefix(p, prefix expr.Path) bool {
	if len(p) < len(prefix) {
		return false
	}
	for i, s := range prefix {
		if p[i].Name != s.Name {
			return false
		}
	}
	return true
}

// chosen returns the values of the rows in list that count as chosen: a
// non-empty value whose checked field, if any, is not false.
func (g GroupChoice) chosen(list []expr.Value) []string {
	var out []string
	for _, row := range list {
		v := rowValue(row, g.Value)
		if v.Kind() != expr.KindString || v.AsString() == "" {
			continue
		}
		if len(g.Checked) > 0 {
			if c := rowValue(row, g.Checked); c.Kind() == expr.KindBool && !c.AsBool() {
				continue
			}
		}
		out = append(out, v.AsString())
	}
	return out
}

// rowValue returns the value at the unindexed path p inside row.
func rowValue(row expr.Value, p expr.Path) expr.Value {
	for _, s := range p {
		if row.Kind() != expr.KindObject {
			return expr.Value{}
		}
		row, _ = row.AsObject().Get(s.Name)
	}
	return row
}

// groupChoice renders the value of a group-bound choice component: its
// field name and the chosen values joined by commas.
func (st *state) groupChoice(n *layouttree.Node, c *component.Component) (name, value string, ok bool) {
	gc, ok := GroupChoiceOf(c)
	if !ok {
		return "", "", false
	}
	f := st.fieldOf(n, expr.Binding{DataType: gc.DataType, Path: gc.Group})
	var rows []string
	if list := st.lookup(f); list.Kind() == expr.KindList {
		rows = gc.chosen(list.AsList())
	}
	return RowsPrefix + Target{Component: c.ID, Rows: n.Rows()}.String(), strings.Join(rows, ","), true
}
