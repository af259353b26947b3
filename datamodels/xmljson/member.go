// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// member compiles one property into a member of t. A name declared twice (a
// simpleContent restriction restates "value" and its attributes; two choice
// branches may share an element) keeps its first place and schema.
func (c *compiler) member(t *Type, name string, ps *jsonobj.Object, ptr string, required bool, sc scope) error {
	if prev := t.byName[name]; prev != nil {
		prev.Required = prev.Required || required
		return nil
	}
	m := &Member{Name: name, Pointer: "#" + ptr, Required: required, MaxItems: 1, Choices: sc.choices, all: sc.all, group: sc.group}
	vs, vptr := ps, ptr
	jt, nullable := jsonType(ps)
	m.Attribute = c.flag(ps, "@xsdAttribute") || str(ps, "@xsdType") == "XmlAttribute"
	m.Text = c.flag(ps, "@xsdText")
	isRef := str(ps, "@xsdType") == "#ref"
	if jt == "array" && !m.Attribute && !m.Text {
		items, ok := ps.Value("items").(*jsonobj.Object)
		if !ok {
			return fmt.Errorf("%w: %s: array without items", ErrSchema, ptrText(ptr))
		}
		m.Array = true
		m.MinItems, m.MaxItems = intOr(ps, "minItems", 0), intOr(ps, "maxItems", Unbounded)
		vs, vptr = items, ptr+"/items"
		isRef = isRef || str(items, "@xsdType") == "#ref"
		_, itemNull := jsonType(items)
		nullable = nullable || itemNull
	}
	m.Nillable = nullable || c.flag(vs, "@xsdNillable") || c.nullable(vs)
	if vs.Has("const") {
		m.Fixed = vs.Value("const")
	}
	m.Schema = vs
	if m.group != 0 {
		m.PassMin, m.PassMax = occurs(ps, "@xsdMinOccurs", 1), occurs(ps, "@xsdMaxOccurs", 1)
	}
	switch {
	case m.Text:
	case m.Attribute && (isRef || c.qualAttr):
		m.Namespace = c.m.TargetNamespace
	case !m.Attribute && (isRef || c.qualElem):
		m.Namespace = c.m.TargetNamespace
	}
	typ, err := c.typeOf(vs, vptr)
	if err != nil {
		return err
	}
	m.Type = typ
	if m.Attribute || m.Text {
		if typ.Kind != Simple {
			// An attribute or text value is always simple; a schema that
			// says nothing about it is a string.
			typ.Kind = Simple
		}
	}
	m.seq = len(t.Members)
	for _, p := range t.Members {
		// Members of one xs:all may come in any order, and so may those of
		// a repeating sequence as far as one pass can tell.
		if m.all && p.all || m.group != 0 && p.group == m.group {
			m.seq = p.seq
			break
		}
	}
	t.Members = append(t.Members, m)
	t.byName[name] = m
	switch {
	case m.Text:
		if t.text == nil {
			t.text = m
		}
	case m.Attribute:
		t.attrs[name] = m
	default:
		t.elems[name] = m
	}
	return nil
}

// flag reports a boolean keyword on s or along its $ref/allOf chain.
func (c *compiler) flag(s *jsonobj.Object, kw string) bool {
	return c.along(s, func(o *jsonobj.Object) bool { b, _ := o.Value(kw).(bool); return b })
}

// nullable reports a "null" type along s's $ref/allOf chain.
func (c *compiler) nullable(s *jsonobj.Object) bool {
	return c.along(s, func(o *jsonobj.Object) bool { _, n := jsonType(o); return n })
}

// along reports whether pred holds for s or a schema its $ref and allOf lead
// to (not into properties or choices).
func (c *compiler) along(s *jsonobj.Object, pred func(*jsonobj.Object) bool) bool {
	seen := map[*jsonobj.Object]bool{}
	var walk func(o *jsonobj.Object, depth int) bool
	walk = func(o *jsonobj.Object, depth int) bool {
		if o == nil || seen[o] || depth > 64 {
			return false
		}
		seen[o] = true
		if pred(o) {
			return true
		}
		if ref := str(o, "$ref"); ref != "" {
			if target, _, err := c.resolve(ref); err == nil && walk(target, depth+1) {
				return true
			}
		}
		if arr, ok := o.Value("allOf").([]any); ok {
			for _, x := range arr {
				if sub, ok := x.(*jsonobj.Object); ok && walk(sub, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(s, 0)
}

// occurs reads an explicit minOccurs/maxOccurs kept by the converter.
func occurs(s *jsonobj.Object, kw string, def int) int {
	switch x := s.Value(kw).(type) {
	case string:
		if x == "unbounded" {
			return Unbounded
		}
		if i, err := strconv.Atoi(x); err == nil && i >= 0 {
			return i
		}
	case json.Number:
		if i, err := x.Int64(); err == nil && i >= 0 && i < 1<<31 {
			return int(i)
		}
	case int:
		return x
	}
	return def
}
