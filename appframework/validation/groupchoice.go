// SPDX-License-Identifier: MIT

package validation

import (
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// groupChosen tells whether binding name of src is the value of a Checkboxes or
// MultipleSelect bound to a group, which stores one row per choice; chosen is
// then whether some row holds a value whose checked field, if bound, is not
// false (a soft deletion keeps the row unchecked).
func (r *run) groupChosen(src *component.Component, scope *expr.Scope, name string) (grouped, chosen bool) {
	if name != "simpleBinding" || (src.Type != "Checkboxes" && src.Type != "MultipleSelect") {
		return false, false
	}
	g, s := src.Binding("group"), src.Binding("simpleBinding")
	if g == nil || g.Err != nil || s == nil || s.Err != nil || len(s.Path) <= len(g.Path) {
		return false, false
	}
	for i, seg := range g.Path {
		if s.Path[i].Name != seg.Name {
			return false, false
		}
	}
	dt := g.DataType
	if dt == "" {
		dt = r.env.Data.(*expr.JSONData).Default
	}
	list, err := r.env.Data.Lookup(dt, g.Path.Transpose(scope.Row))
	if err != nil || list.Kind() != expr.KindList {
		return true, false
	}
	var checked expr.Path
	if c := src.Binding("checked"); c != nil && c.Err == nil && len(c.Path) > len(g.Path) {
		checked = c.Path[len(g.Path):]
	}
	for _, row := range list.AsList() {
		if v := within(row, s.Path[len(g.Path):]); v.Kind() != expr.KindString || v.AsString() == "" {
			continue
		}
		if checked != nil {
			if c := within(row, checked); c.Kind() == expr.KindBool && !c.AsBool() {
				continue
			}
		}
		return true, true
	}
	return true, false
}

// within returns the value at the unindexed path p inside v.
func within(v expr.Value, p expr.Path) expr.Value {
	for _, seg := range p {
		if v.Kind() != expr.KindObject {
			return expr.Value{}
		}
		v, _ = v.AsObject().Get(seg.Name)
	}
	return v
}
