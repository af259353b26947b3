// SPDX-License-Identifier: MIT

package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// errBadIndex reports a posted row index that names no row.
var errBadIndex = errors.New("forms: row index out of range")

// editableNames returns the data field names the rendered page accepts: inputs,
// selects and text areas that are neither read-only nor disabled. Hidden components
// are not rendered, so their fields are not in the set either.
func editableNames(fragment string) map[string]bool {
	out := map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		if t.DataAtom != atom.Input && t.DataAtom != atom.Select && t.DataAtom != atom.Textarea {
			continue
		}
		var name, typ string
		locked := false
		for _, a := range t.Attr {
			switch a.Key {
			case "name":
				name = a.Val
			case "type":
				typ = a.Val
			case "readonly", "disabled":
				locked = true
			}
		}
		if name == "" || (strings.HasPrefix(name, "_") && !strings.HasPrefix(name, render.RowsPrefix) && !strings.HasPrefix(name, render.ListPrefix)) || locked || typ == "hidden" || typ == "submit" || typ == "button" || typ == "file" {
			continue
		}
		out[name] = true
	}
}

// postedValue joins a field's posted values as the renderer's conventions ask:
// checkbox groups post a hidden empty value first, which is dropped.
func postedValue(values []string) string {
	if len(values) <= 1 {
		return strings.Join(values, "")
	}
	var kept []string
	for _, v := range values {
		if v != "" {
			kept = append(kept, v)
		}
	}
	return strings.Join(kept, ",")
}

// coerce converts a posted string to the model's type for path; an empty string
// clears the field (nil).
func coerce(m *app.Model, p expr.Path, s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	typ := "string"
	if m != nil && m.Fields != nil {
		names := make([]string, len(p))
		for i, seg := range p {
			names[i] = seg.Name
		}
		if f := m.Fields.Lookup(strings.Join(names, ".")); f != nil && f.Type != "" {
			typ = f.Type
		}
	}
	switch typ {
	case "integer":
		t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
		if _, err := strconv.ParseInt(t, 10, 64); err != nil {
			return nil, errNotNumber
		}
		return json.Number(t), nil
	case "number":
		t := strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), " ", ""), ",", ".")
		if _, err := strconv.ParseFloat(t, 64); err != nil {
			return nil, errNotNumber
		}
		return json.Number(t), nil
	case "boolean":
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, errNotBoolean
		}
		return b, nil
	}
	return s, nil
}

var (
	errNotNumber  = errors.New("not a number")
	errNotBoolean = errors.New("not a boolean")
)

// setPath stores v at p in root (a decoded JSON object), creating objects on the
// way; a list index may name an existing row or the next one.
func setPath(root map[string]any, p expr.Path, v any) error {
	cur := root
	for i, seg := range p {
		last := i == len(p)-1
		if seg.Index < 0 {
			if last {
				if v == nil {
					delete(cur, seg.Name)
				} else {
					cur[seg.Name] = v
				}
				return nil
			}
			next, ok := cur[seg.Name].(map[string]any)
			if !ok {
				next = map[string]any{}
				cur[seg.Name] = next
			}
			cur = next
			continue
		}
		list, _ := cur[seg.Name].([]any)
		switch {
		case seg.Index < len(list):
		case seg.Index == len(list):
			list = append(list, map[string]any{})
			cur[seg.Name] = list
		default:
			return fmt.Errorf("%w: %s", errBadIndex, p)
		}
		if last {
			list[seg.Index] = v
			return nil
		}
		next, ok := list[seg.Index].(map[string]any)
		if !ok {
			next = map[string]any{}
			list[seg.Index] = next
		}
		cur = next
	}
	return nil
}

// listAt returns the object holding the list at p and the list's name; the list's
// own last segment carries no index.
func listAt(root map[string]any, p expr.Path) (map[string]any, string, error) {
	if len(p) == 0 {
		return nil, "", fmt.Errorf("%w: empty path", errBadIndex)
	}
	cur := root
	for _, seg := range p[:len(p)-1] {
		v := cur[seg.Name]
		if seg.Index >= 0 {
			list, _ := v.([]any)
			if seg.Index >= len(list) {
				return nil, "", fmt.Errorf("%w: %s", errBadIndex, p)
			}
			v = list[seg.Index]
		}
		next, ok := v.(map[string]any)
		if !ok {
			next = map[string]any{}
			if seg.Index < 0 {
				cur[seg.Name] = next
			}
		}
		cur = next
	}
	return cur, p[len(p)-1].Name, nil
}

// groupPath is the indexed path of repeating group n's list inside the rows of
// the groups around it (rows, outermost first), and its data type.
func groupPath(n *app.Node, rows []int) (expr.Path, string, error) {
	p, dt, err := bindingPath(n, "group", rows)
	if err != nil {
		return nil, dt, err
	}
	p[len(p)-1].Index = -1
	return p, dt, nil
}

// bindingPath is the indexed path of n's binding key inside the rows of the
// groups around n (rows, outermost first), and its data type ("" for the layout
// set's default).
func bindingPath(n *app.Node, key string, rows []int) (expr.Path, string, error) {
	b := n.Binding(key)
	if b == nil || b.Err != nil || len(b.Path) == 0 {
		return nil, "", fmt.Errorf("forms: %s has no %s binding", n.ID, key)
	}
	var base expr.Path
	for i, g := range n.RowGroups() {
		gb := g.Binding("group")
		if gb == nil || gb.Err != nil || i >= len(rows) {
			return nil, "", fmt.Errorf("%w: rows of %s", errBadIndex, n.ID)
		}
		base = gb.Path.Transpose(base).WithIndex(rows[i])
	}
	return slices.Clone(b.Path.Transpose(base)), b.DataType, nil
}

// addRow appends an empty row to group n inside parent rows and returns its index.
func addRow(root map[string]any, n *app.Node, parent []int) (int, string, error) {
	p, dt, err := groupPath(n, parent)
	if err != nil {
		return 0, dt, err
	}
	obj, name, err := listAt(root, p)
	if err != nil {
		return 0, dt, err
	}
	list, _ := obj[name].([]any)
	obj[name] = append(list, map[string]any{})
	return len(list), dt, nil
}

// deleteRow removes the row rows (its last index) of group n.
func deleteRow(root map[string]any, n *app.Node, rows []int) (string, error) {
	if len(rows) == 0 {
		return "", fmt.Errorf("%w: no row", errBadIndex)
	}
	p, dt, err := groupPath(n, rows[:len(rows)-1])
	if err != nil {
		return dt, err
	}
	obj, name, err := listAt(root, p)
	if err != nil {
		return dt, err
	}
	list, _ := obj[name].([]any)
	i := rows[len(rows)-1]
	if i >= len(list) {
		return dt, fmt.Errorf("%w: row %d", errBadIndex, i)
	}
	obj[name] = slices.Delete(list, i, i+1)
	return dt, nil
}

// fieldDataType is the data type a posted field belongs to.
func fieldDataType(f render.Field, ls *app.LayoutSet) string {
	if f.DataType == "" {
		return ls.DataType
	}
	return f.DataType
}

// editedValue picks the value of several inputs bound to one field
// (component-library's InputPage has four): the page holds the stored value in
// all of them but the one the user changed, so the first that differs from
// stored wins. Checkbox groups (a hidden empty value first) are not this case.
func editedValue(values []string, stored any) (string, bool) {
	if len(values) <= 1 || values[0] == "" {
		return "", false
	}
	old := ""
	if stored != nil {
		old = fmt.Sprint(stored)
	}
	for _, v := range values {
		if v != old {
			return v, true
		}
	}
	return values[0], true
}

// storedAt returns the value at path p in root, or nil; an indexed segment
// picks a row, so it also reads an unindexed path inside one row.
func storedAt(root map[string]any, p expr.Path) any {
	var cur any = root
	for _, seg := range p {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg.Name]
		if seg.Index >= 0 {
			list, _ := cur.([]any)
			if seg.Index >= len(list) {
				return nil
			}
			cur = list[seg.Index]
		}
	}
	return cur
}
