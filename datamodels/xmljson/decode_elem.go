// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
)

// anyType is the content of wildcard and xs:anyType elements.
var anyType = &Type{Kind: Any}

func (rd *reader) start(t *elem) error {
	depth := len(rd.stack) + 1
	if len(rd.stack) > 0 {
		depth += rd.stack[len(rd.stack)-1].skip
	}
	if depth > rd.lim.MaxDepth {
		return fmt.Errorf("%w: elements nested deeper than %d", ErrLimit, rd.lim.MaxDepth)
	}
	if len(rd.stack) == 0 {
		root := rd.m.Root
		rd.bare = string(t.local) == root.Name && t.space == "" && root.Namespace != ""
		if string(t.local) != root.Name || !rd.inNS(t.space, root.Namespace) {
			return fmt.Errorf("%w: <%s> in namespace %q, want <%s> in namespace %q", ErrRoot,
				t.local, t.space, root.Name, root.Namespace)
		}
		f := rd.newFrame(root, root.Type)
		rd.attrs(f, t)
		rd.stack = append(rd.stack, f)
		return nil
	}
	p := rd.stack[len(rd.stack)-1]
	switch {
	case p.skip > 0:
		p.skip++
		return nil
	case p.nil:
		rd.mismatch(CodeNilContent, t.name(), "")
		p.skip = 1
		return nil
	case p.t.Kind == Simple:
		rd.mismatch(CodeChildren, t.name(), "")
		p.skip = 1
		return nil
	}
	p.elemSeen = true
	var mb *Member
	if p.t.Kind == Complex {
		mb = p.t.elems[string(t.local)]
	}
	if mb == nil {
		if p.t.Kind == Complex && !p.t.AnyElement {
			rd.path = append(rd.path, string(t.local))
			rd.mismatch(CodeUnknownElement, t.name(), "")
			rd.path = rd.path[:len(rd.path)-1]
			p.skip = 1
			return nil
		}
		f := rd.newFrame(nil, anyType)
		f.name = string(t.local)
		rd.path = append(rd.path, f.name)
		rd.attrs(f, t)
		rd.stack = append(rd.stack, f)
		return nil
	}
	prev := p.find(mb)
	f := rd.newFrame(mb, mb.Type)
	rd.path = append(rd.path, mb.Name)
	if mb.Array {
		n := 0
		if prev != nil {
			n = len(prev.arr)
		}
		rd.path = append(rd.path, itoa(n))
	}
	if !rd.inNS(t.space, mb.Namespace) {
		rd.mismatch(CodeNamespace, t.name(), nsText(mb.Namespace))
	}
	if mb.seq < p.lastSeq {
		rd.mismatch(CodeOrder, t.name(), p.last)
	} else {
		p.lastSeq, p.last = mb.seq, mb.Name
	}
	if mb.group != 0 {
		p.grouped = append(p.grouped, mb)
	}
	if prev != nil && !mb.Array {
		rd.mismatch(CodeRepeated, t.name(), "")
		rd.path = rd.path[:f.pathLen]
		rd.release(f)
		p.skip = 1
		return nil
	}
	rd.attrs(f, t)
	rd.stack = append(rd.stack, f)
	return nil
}

// inNS reports whether an element in namespace space counts as in want. In
// a bare document an unqualified element also counts as in the root's
// namespace; elements qualified with a namespace keep the usual rule, and
// members in no namespace (unqualified local elements) still match "".
func (rd *reader) inNS(space, want string) bool {
	return space == want || rd.bare && space == "" && want == rd.m.Root.Namespace
}

func nsText(ns string) string {
	if ns == "" {
		return "no namespace"
	}
	return ns
}

func (f *frame) find(m *Member) *field {
	for i := range f.fields {
		if f.fields[i].m == m {
			return &f.fields[i]
		}
	}
	return nil
}

func (f *frame) findName(name string) *field {
	for i := range f.fields {
		if f.fields[i].m == nil && f.fields[i].name == name {
			return &f.fields[i]
		}
	}
	return nil
}

func (rd *reader) attrs(f *frame, t *elem) {
	for i := range t.attrs {
		a := &t.attrs[i]
		switch {
		case a.decl:
			continue
		case a.space == xsiNS:
			if string(a.local) == "nil" {
				switch string(trimSpace(a.value)) {
				case "true", "1":
					f.nil = true
					if f.m == nil || !f.m.Nillable {
						rd.mismatch(CodeNotNillable, t.name(), "")
					}
				}
			}
			continue
		}
		if f.t.Kind == Any {
			f.fields = append(f.fields, field{name: string(a.local), v: string(a.value)})
			continue
		}
		mb := f.t.attrs[string(a.local)]
		switch {
		case mb != nil:
			if a.space != mb.Namespace {
				rd.mismatch(CodeNamespace, a.name(), nsText(mb.Namespace))
			}
			f.fields = append(f.fields, field{m: mb, name: mb.Name, v: scalarValue(rd.strs.str(a.value), mb.Type)})
		case string(a.local) == RowIDName && a.space == "" && f.m != nil && f.m.Array && f.t.Kind == Complex:
			f.fields = append(f.fields, field{name: RowIDName, v: string(a.value)})
		case f.t.AnyAttribute:
			f.fields = append(f.fields, field{name: string(a.local), v: string(a.value)})
		default:
			rd.mismatch(CodeUnknownAttribute, a.name(), "")
		}
	}
}

// end finishes the innermost element; isRoot reports the root's end.
func (rd *reader) end() (v any, isRoot bool) {
	f := rd.stack[len(rd.stack)-1]
	if f.skip > 0 {
		f.skip--
		return nil, false
	}
	rd.stack = rd.stack[:len(rd.stack)-1]
	v = rd.value(f)
	rd.path = rd.path[:f.pathLen]
	if len(rd.stack) == 0 {
		rd.release(f)
		return v, true
	}
	p := rd.stack[len(rd.stack)-1]
	switch {
	case f.m == nil:
		if x := p.findName(f.name); x != nil {
			if x.arr == nil {
				x.arr = []any{x.v}
			}
			x.arr = append(x.arr, v)
		} else {
			p.fields = append(p.fields, field{name: f.name, v: v})
		}
	case f.m.Array:
		if x := p.find(f.m); x != nil {
			x.arr = append(x.arr, v)
		} else {
			p.fields = append(p.fields, field{m: f.m, name: f.m.Name, arr: []any{v}})
		}
	default:
		p.fields = append(p.fields, field{m: f.m, name: f.m.Name, v: v})
	}
	rd.release(f)
	return nil, false
}

func (rd *reader) release(f *frame) {
	if len(rd.free) < 64 {
		rd.free = append(rd.free, f)
	}
}

// value is the JSON value of a finished element.
func (rd *reader) value(f *frame) any {
	switch {
	case f.nil:
		if f.elemSeen || strings.Trim(string(f.text), xmlSpace) != "" {
			rd.mismatch(CodeNilContent, xml.Name{Local: rd.memberName(f)}, "")
		}
		// The JSON null cannot hold attributes, but a nil element must
		// still have its required ones.
		for _, am := range f.t.Members {
			if am.Attribute && am.Required && f.find(am) == nil {
				rd.path = append(rd.path, am.Name)
				rd.mismatch(CodeRequired, xml.Name{Local: am.Name}, "")
				rd.path = rd.path[:len(rd.path)-1]
			}
		}
		return nil
	case f.t.Kind == Simple:
		return scalarValue(rd.strs.str(f.text), f.t)
	case f.t.Kind == Any:
		if len(f.fields) == 0 {
			return string(f.text)
		}
		if s := string(f.text); strings.Trim(s, xmlSpace) != "" {
			f.fields = append(f.fields, field{name: "value", v: s})
		}
		return rd.object(f)
	}
	if tm := f.t.text; tm != nil {
		f.fields = append(f.fields, field{m: tm, name: tm.Name, v: scalarValue(rd.strs.str(f.text), tm.Type)})
	}
	if len(f.grouped) > 0 {
		rd.checkPasses(f)
	}
	if f.t.choices {
		present := make([]*Member, 0, len(f.fields))
		for _, x := range f.fields {
			if x.m != nil {
				present = append(present, x.m)
			}
		}
		if c := choiceConflict(present); c != nil {
			rd.path = append(rd.path, c.Name)
			rd.mismatch(CodeChoice, xml.Name{Local: c.Name}, "")
			rd.path = rd.path[:len(rd.path)-1]
		}
	}
	return rd.object(f)
}

func (rd *reader) memberName(f *frame) string {
	if f.m != nil {
		return f.m.Name
	}
	return f.name
}

// checkPasses reports repeating sequences whose elements do not form whole
// passes, e.g. i1 i2 i1 for (i1, i2)*.
func (rd *reader) checkPasses(f *frame) {
	var done []int
	for _, m := range f.grouped {
		g := m.group
		if rd.m.nested[g] || slices.Contains(done, g) {
			continue
		}
		done = append(done, g)
		var order []*Member
		for _, x := range f.grouped {
			if x.group == g {
				order = append(order, x)
			}
		}
		if !passesOK(order, f.t.groupMembers(g)) {
			rd.path = append(rd.path, m.Name)
			rd.mismatch(CodeSequence, xml.Name{Local: m.Name}, "")
			rd.path = rd.path[:len(rd.path)-1]
		}
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(rune(b[0])) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(rune(b[len(b)-1])) {
		b = b[:len(b)-1]
	}
	return b
}
