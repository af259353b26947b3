// SPDX-License-Identifier: MIT

package xmljson

import "slices"

// Check reports where a JSON instance (objects as *jsonobj.Object or
// map[string]any) does not fit the schema's structure: properties the schema
// does not declare, objects where a simple value belongs (and the reverse),
// and content from two branches of one choice. Value checks (types, facets,
// required) are JSON Schema's job; datamodels/validate runs both.
func (m *Model) Check(v any) []Mismatch {
	c := &checker{max: DefaultMaxMismatches, nested: m.nested}
	c.value(m.Root, m.Root.Type, v, false, 0)
	return c.out
}

type checker struct {
	out    []Mismatch
	path   []string
	max    int
	nested map[int]bool
}

func (c *checker) add(code, name string) {
	if len(c.out) < c.max {
		c.out = append(c.out, Mismatch{Pointer: pointer(c.path), Code: code, Name: name})
	}
}

// value checks one occurrence of an element (item: an item of an array).
func (c *checker) value(mb *Member, t *Type, v any, item bool, depth int) {
	if v == nil || depth > DefaultMaxDepth || len(c.out) >= c.max {
		return
	}
	switch t.Kind {
	case Any:
		return
	case Simple:
		if _, _, isObj := keys(v); isObj {
			c.add(CodeShape, mb.Name)
		} else if _, isArr := v.([]any); isArr && !t.List {
			c.add(CodeShape, mb.Name)
		}
		return
	}
	ks, get, isObj := keys(v)
	if !isObj {
		c.add(CodeShape, mb.Name)
		return
	}
	var present []*Member
	for _, k := range ks {
		x, _ := get(k)
		sub := t.byName[k]
		if sub == nil {
			if k == RowIDName && item || t.AnyElement || t.AnyAttribute && isScalar(x) {
				continue
			}
			c.path = append(c.path, k)
			c.add(CodeUnknownProperty, k)
			c.path = c.path[:len(c.path)-1]
			continue
		}
		present = append(present, sub)
		c.path = append(c.path, k)
		c.member(sub, x, depth)
		c.path = c.path[:len(c.path)-1]
	}
	c.passes(t, present, get)
	if len(present) > 1 {
		if cm := choiceConflict(present); cm != nil {
			c.path = append(c.path, cm.Name)
			c.add(CodeChoice, cm.Name)
			c.path = c.path[:len(c.path)-1]
		}
	}
}

func (c *checker) member(sub *Member, x any, depth int) {
	if !sub.Array {
		c.value(sub, sub.Type, x, false, depth+1)
		return
	}
	arr, ok := x.([]any)
	if !ok {
		if x != nil {
			c.add(CodeShape, sub.Name)
		}
		return
	}
	for i, it := range arr {
		c.path = append(c.path, itoa(i))
		c.value(sub, sub.Type, it, true, depth+1)
		c.path = c.path[:len(c.path)-1]
	}
}

// passes checks that the arrays of each repeating sequence, written pass by
// pass as WriteXML writes them, form whole passes.
func (c *checker) passes(t *Type, present []*Member, get func(string) (any, bool)) {
	var done []int
	for _, m := range present {
		g := m.group
		if g == 0 || c.nested[g] || slices.Contains(done, g) {
			continue
		}
		done = append(done, g)
		count := func(x *Member) int {
			v, ok := get(x.Name)
			if !ok || v == nil {
				return 0
			}
			if arr, isArr := v.([]any); isArr {
				return len(arr)
			}
			return 1
		}
		group := t.groupMembers(g)
		if !passesOK(interleave(group, count), group) {
			c.path = append(c.path, m.Name)
			c.add(CodeSequence, m.Name)
			c.path = c.path[:len(c.path)-1]
		}
	}
}
