// SPDX-License-Identifier: MIT

package xmljson

import (
	"fmt"
	"slices"
)

// complex writes the attributes and content of a complex element whose start
// tag is open; it reports whether there was content (else the caller closes
// the tag with "/>").
func (wr *writer) complex(mb *Member, v any, depth int, dflt string) (bool, error) {
	t := mb.Type
	ks, get, ok := keys(v)
	if !ok {
		return false, wr.fail("want an object for <%s>, got %s", mb.Name, kindOf(v))
	}
	for _, k := range ks {
		if t.byName[k] != nil || k == RowIDName && mb.Array {
			continue
		}
		x, _ := get(k)
		if t.AnyElement || t.AnyAttribute && isScalar(x) {
			continue
		}
		wr.path = append(wr.path, k)
		err := wr.fail("property %q is not in the schema", k)
		wr.path = wr.path[:len(wr.path)-1]
		return false, err
	}
	if id, ok := get(RowIDName); ok && mb.Array && t.byName[RowIDName] == nil {
		if s, ok := id.(string); ok && s != "" {
			wr.attr(RowIDName, s)
		}
	}
	for _, am := range t.Members {
		if !am.Attribute {
			continue
		}
		x, ok := get(am.Name)
		if !ok && am.Required && am.Fixed != nil {
			x, ok = am.Fixed, true
		}
		if !ok || x == nil {
			continue
		}
		wr.path = append(wr.path, am.Name)
		s, err := wr.simple(x, am.Type)
		wr.path = wr.path[:len(wr.path)-1]
		if err != nil {
			return false, err
		}
		wr.attr(wr.attrName(am), s)
	}
	if t.AnyAttribute {
		for _, k := range ks {
			if x, _ := get(k); t.byName[k] == nil && k != RowIDName && isScalar(x) && !t.AnyElement {
				s, _ := lexical(x, &Type{})
				wr.attr(k, s)
			}
		}
	}
	if tm := t.text; tm != nil {
		x, ok := get(tm.Name)
		if !ok || x == nil {
			return false, nil
		}
		wr.path = append(wr.path, tm.Name)
		s, err := wr.simple(x, tm.Type)
		wr.path = wr.path[:len(wr.path)-1]
		if err != nil {
			return false, err
		}
		wr.w.WriteByte('>')
		escapeText(wr.w, s)
		return true, nil
	}
	open := false
	openTag := func() {
		if !open {
			wr.w.WriteByte('>')
			open = true
		}
	}
	var groupsDone []int
	for _, em := range t.Members {
		if em.Attribute || em.Text {
			continue
		}
		if em.group != 0 {
			if !slices.Contains(groupsDone, em.group) {
				groupsDone = append(groupsDone, em.group)
				if err := wr.interleaved(t, em.group, get, depth, dflt, openTag); err != nil {
					return false, err
				}
			}
			continue
		}
		x, ok := get(em.Name)
		if !ok {
			continue
		}
		if err := wr.member(em, x, depth, dflt, openTag); err != nil {
			return false, err
		}
	}
	if t.AnyElement {
		for _, k := range ks {
			if t.byName[k] != nil || k == RowIDName && mb.Array {
				continue
			}
			x, _ := get(k)
			openTag()
			if err := wr.anyElement(k, x, depth+1, dflt); err != nil {
				return false, err
			}
		}
	}
	if open {
		wr.newline(depth)
	}
	return open, nil
}

// member writes the occurrences of one element member.
func (wr *writer) member(em *Member, x any, depth int, dflt string, openTag func()) error {
	wr.path = append(wr.path, em.Name)
	defer func() { wr.path = wr.path[:len(wr.path)-1] }()
	if !em.Array {
		if x == nil && !em.Nillable {
			return nil
		}
		openTag()
		return wr.element(em, x, depth+1, dflt, false)
	}
	if x == nil {
		return nil
	}
	arr, ok := x.([]any)
	if !ok {
		return wr.fail("want an array for the repeating element <%s>, got %s", em.Name, kindOf(x))
	}
	for i, item := range arr {
		if item == nil && !em.Nillable {
			continue
		}
		openTag()
		wr.path = append(wr.path, itoa(i))
		err := wr.element(em, item, depth+1, dflt, false)
		wr.path = wr.path[:len(wr.path)-1]
		if err != nil {
			return err
		}
	}
	return nil
}

func (wr *writer) attrName(am *Member) string {
	if am.Namespace != "" {
		return wr.m.Prefix + ":" + am.Name
	}
	return am.Name
}

func (wr *writer) attr(name, val string) {
	wr.w.WriteByte(' ')
	wr.w.WriteString(name)
	wr.w.WriteString(`="`)
	wr.w.WriteString(attrEscape(val))
	wr.w.WriteByte('"')
}

func isScalar(v any) bool {
	switch v.(type) {
	case nil, []any, map[string]any:
		return false
	}
	_, _, isObj := keys(v)
	return !isObj
}

// anyElement writes wildcard content: one element per occurrence.
func (wr *writer) anyElement(name string, x any, depth int, dflt string) error {
	if arr, ok := x.([]any); ok {
		for _, item := range arr {
			if err := wr.anyElement(name, item, depth, dflt); err != nil {
				return err
			}
		}
		return nil
	}
	return wr.element(&Member{Name: name, Type: anyType, Nillable: true, Namespace: dflt}, x, depth, dflt, false)
}

// generic writes schema-less content: a scalar is text; an object's
// properties are child elements, "value" its text.
func (wr *writer) generic(v any, depth int, dflt string) error {
	if depth > wr.opts.MaxDepth {
		return fmt.Errorf("%w: nested deeper than %d", ErrLimit, wr.opts.MaxDepth)
	}
	ks, get, ok := keys(v)
	if !ok {
		if _, isArr := v.([]any); isArr {
			return wr.fail("an array cannot be element content")
		}
		s, _ := lexical(v, &Type{})
		wr.w.WriteByte('>')
		escapeText(wr.w, s)
		return nil
	}
	wr.w.WriteByte('>')
	for _, k := range ks {
		x, _ := get(k)
		if k == "value" && isScalar(x) {
			s, _ := lexical(x, &Type{})
			escapeText(wr.w, s)
			continue
		}
		if err := wr.anyElement(k, x, depth+1, dflt); err != nil {
			return err
		}
	}
	return nil
}

// interleaved writes the members of a repeating sequence pass by pass (the
// order interleave gives), as (a, b)* requires.
func (wr *writer) interleaved(t *Type, group int, get func(string) (any, bool), depth int, dflt string, openTag func()) error {
	ms := t.groupMembers(group)
	count := func(m *Member) int {
		x, ok := get(m.Name)
		if !ok {
			return 0
		}
		if arr, isArr := x.([]any); isArr && m.Array {
			return len(arr)
		}
		return 1
	}
	next := map[*Member]int{}
	for _, m := range interleave(ms, count) {
		x, _ := get(m.Name)
		i := next[m]
		next[m]++
		arr, isArr := x.([]any)
		if !m.Array || !isArr {
			if err := wr.member(m, x, depth, dflt, openTag); err != nil {
				return err
			}
			continue
		}
		if arr[i] == nil && !m.Nillable {
			continue
		}
		openTag()
		wr.path = append(wr.path, m.Name, itoa(i))
		err := wr.element(m, arr[i], depth+1, dflt, false)
		wr.path = wr.path[:len(wr.path)-2]
		if err != nil {
			return err
		}
	}
	return nil
}
