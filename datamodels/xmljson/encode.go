// SPDX-License-Identifier: MIT

package xmljson

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// WriteOptions tune WriteXML.
type WriteOptions struct {
	// Indent is written per level before each element of element-only
	// content; "" writes no whitespace between elements.
	Indent string
	// MaxDepth caps nesting (default DefaultMaxDepth).
	MaxDepth int
}

// WriteXML writes a JSON instance (the root element's content, with objects
// as *jsonobj.Object or map[string]any) as XML: attributes and elements in
// schema order, the root element in the target namespace, xsi:nil for null
// nillable elements (other nulls are left out, as Altinn's serializer does),
// fixed attributes filled in when missing, altinnRowId kept on the items of
// repeating groups. A property the schema does not know is an error
// (ErrShape), so no data is dropped silently.
func (m *Model) WriteXML(w io.Writer, v any, opts WriteOptions) error {
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	bw := bufio.NewWriter(w)
	wr := &writer{m: m, w: bw, opts: opts}
	bw.WriteString(`<?xml version="1.0" encoding="utf-8"?>`)
	if err := wr.element(m.Root, v, 0, "", true); err != nil {
		return err
	}
	if opts.Indent != "" {
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

type writer struct {
	m    *Model
	w    *bufio.Writer
	opts WriteOptions
	path []string
}

func (wr *writer) fail(format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrShape, ptrText(pointer(wr.path)), fmt.Sprintf(format, args...))
}

func (wr *writer) newline(depth int) {
	if wr.opts.Indent == "" {
		return
	}
	wr.w.WriteByte('\n')
	for range depth {
		wr.w.WriteString(wr.opts.Indent)
	}
}

// name returns how to spell an element of namespace ns under the default
// namespace dflt, and the default namespace its content sees.
func (wr *writer) name(local, ns, dflt string) (string, string, string) {
	switch {
	case ns == dflt:
		return local, "", dflt
	case ns == wr.m.TargetNamespace:
		return wr.m.Prefix + ":" + local, "", dflt
	}
	return local, ` xmlns=""`, ""
}

// element writes one occurrence of member mb with value v.
func (wr *writer) element(mb *Member, v any, depth int, dflt string, root bool) error {
	if depth > wr.opts.MaxDepth {
		return fmt.Errorf("%w: nested deeper than %d", ErrLimit, wr.opts.MaxDepth)
	}
	if v == nil && !mb.Nillable && !root {
		return nil
	}
	name, decl, inner := wr.name(mb.Name, mb.Namespace, dflt)
	if root {
		decl, inner = wr.rootDecls(), ""
		if tns := wr.m.TargetNamespace; tns != "" && mb.Namespace == tns {
			if wr.m.qualElem {
				name, inner = mb.Name, tns
			} else {
				name = wr.m.Prefix + ":" + mb.Name
			}
		}
	}
	if !root {
		wr.newline(depth)
	}
	wr.w.WriteByte('<')
	wr.w.WriteString(name)
	wr.w.WriteString(decl)
	if v == nil {
		// A nil element keeps its fixed required attributes (SERES guid).
		for _, am := range mb.Type.Members {
			if am.Attribute && am.Required && am.Fixed != nil {
				if s, err := wr.simple(am.Fixed, am.Type); err == nil {
					wr.attr(wr.attrName(am), s)
				}
			}
		}
		wr.w.WriteString(` xsi:nil="true"/>`)
		return nil
	}
	t := mb.Type
	switch t.Kind {
	case Simple:
		s, err := wr.simple(v, t)
		if err != nil {
			return err
		}
		wr.w.WriteByte('>')
		escapeText(wr.w, s)
	case Any:
		if err := wr.generic(v, depth, inner); err != nil {
			return err
		}
	default:
		hasContent, err := wr.complex(mb, v, depth, inner)
		if err != nil {
			return err
		}
		if !hasContent {
			wr.w.WriteString("/>")
			return nil
		}
	}
	wr.w.WriteString("</")
	wr.w.WriteString(name)
	wr.w.WriteByte('>')
	return nil
}

func (wr *writer) rootDecls() string {
	d := ` xmlns:xsi="` + xsiNS + `"`
	if tns := wr.m.TargetNamespace; tns != "" {
		if wr.m.qualElem {
			d += ` xmlns="` + attrEscape(tns) + `"`
		}
		d += ` xmlns:` + wr.m.Prefix + `="` + attrEscape(tns) + `"`
	}
	return d
}

// simple spells a simple value.
func (wr *writer) simple(v any, t *Type) (string, error) {
	if t.List {
		arr, ok := v.([]any)
		if !ok {
			return "", wr.fail("want an array for a list value, got %s", kindOf(v))
		}
		out := make([]byte, 0, 8*len(arr))
		for i, x := range arr {
			s, ok := lexical(x, t)
			if !ok {
				return "", wr.fail("item %d: want a scalar, got %s", i, kindOf(x))
			}
			if i > 0 {
				out = append(out, ' ')
			}
			out = append(out, s...)
		}
		return string(out), nil
	}
	s, ok := lexical(v, t)
	if !ok {
		return "", wr.fail("want a %s, got %s", scalarName(t.Scalar), kindOf(v))
	}
	return s, nil
}

func scalarName(s Scalar) string {
	return [...]string{"string", "integer", "number", "boolean"}[s]
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case *jsonobj.Object, map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	}
	return "a number"
}

// keys lists an object's keys (map keys sorted) and a getter; ok is false
// for a value that is no object.
func keys(v any) ([]string, func(string) (any, bool), bool) {
	switch o := v.(type) {
	case *jsonobj.Object:
		return o.Keys(), o.Get, true
	case map[string]any:
		ks := make([]string, 0, len(o))
		for k := range o {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks, func(k string) (any, bool) { x, ok := o[k]; return x, ok }, true
	}
	return nil, nil, false
}

// escapeText writes character data. \r is written as a reference, which
// the next reader would otherwise turn into \n.
func escapeText(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// attrEscape spells an attribute value in double quotes; tab, newline and
// carriage return are written as references, which attribute-value
// normalisation would otherwise turn into spaces.
func attrEscape(s string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '"':
			esc = "&quot;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}
