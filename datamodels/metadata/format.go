// SPDX-License-Identifier: MIT

package metadata

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// String renders the tree one field per line, indented by depth:
//
//	path Kind type/xsdType [min..max] flags restrictions
//
// It is meant for reviews and golden files, not for parsing.
func (m *Model) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "root %s\n", m.Root)
	var walk func(fs []*FieldInfo, depth int)
	walk = func(fs []*FieldInfo, depth int) {
		for _, f := range fs {
			sb.WriteString(strings.Repeat("  ", depth))
			sb.WriteString(f.line())
			sb.WriteByte('\n')
			walk(f.Children, depth+1)
		}
	}
	walk(m.Fields, 0)
	return sb.String()
}

func (f *FieldInfo) line() string {
	parts := []string{f.Path, string(f.Kind)}
	t := f.Type
	if t == "" {
		t = "any"
	}
	if f.XsdType != "" {
		t += "/" + f.XsdType
	}
	if f.Format != "" {
		t += "(" + f.Format + ")"
	}
	parts = append(parts, t)
	max := "*"
	if f.MaxOccurs != Unbounded {
		max = fmt.Sprint(f.MaxOccurs)
	}
	parts = append(parts, fmt.Sprintf("[%d..%s]", f.MinOccurs, max))
	for _, flag := range []struct {
		on   bool
		name string
	}{{f.Repeating, "repeating"}, {f.Nillable, "nillable"}, {f.Text, "text"}, {f.Recursive, "recursive"}} {
		if flag.on {
			parts = append(parts, flag.name)
		}
	}
	if f.Fixed != nil {
		parts = append(parts, "fixed="+compact(f.Fixed))
	}
	keys := make([]string, 0, len(f.Restrictions))
	for k := range f.Restrictions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+compact(f.Restrictions[k]))
	}
	return strings.Join(parts, " ")
}

func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
