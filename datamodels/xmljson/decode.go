// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson/internal/xmlscan"
)

// xsiNS is the XML Schema instance namespace (xsi:nil, xsi:type).
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// ReadOptions tune ReadXML.
type ReadOptions struct {
	Limits
	// Maps makes objects map[string]any (as jsonschema.UnmarshalJSON
	// returns them) instead of *jsonobj.Object in schema order.
	Maps bool
}

// Result is a converted XML instance.
type Result struct {
	// Value is the root element's content: an object for a complex root
	// (*jsonobj.Object, or map[string]any with ReadOptions.Maps), else a
	// scalar; nil for xsi:nil.
	Value any
	// Mismatches are the places where the XML does not fit the schema, in
	// document order. The value holds what could be placed.
	Mismatches []Mismatch
}

// ReadXML converts an XML instance to JSON. It fails on malformed or
// forbidden input, on a wrong root element and beyond the limits; where the
// XML does not fit the schema it goes on and reports Mismatches.
func (m *Model) ReadXML(r io.Reader, opts ReadOptions) (*Result, error) {
	lim := opts.Limits.withDefaults()
	in, err := prepare(r, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	sc := xmlscan.New(in.r)
	sc.Encoding = in.accept
	rd := &reader{m: m, sc: sc, lim: lim, maps: opts.Maps}
	v, err := rd.run()
	if err != nil {
		return nil, rd.wrap(err)
	}
	return &Result{Value: v, Mismatches: rd.mism}, nil
}

type reader struct {
	m    *Model
	sc   *xmlscan.Scanner
	lim  Limits
	maps bool
	mism []Mismatch

	stack []*frame
	path  []string
	free  []*frame
	ns    nsScope
	strs  strArena
	// bare marks a document written without namespaces for a model that
	// has one: its unqualified elements count as in the root's namespace
	// (see inNS), as Altinn's ModelDeserializer reads it on its retry with
	// the root's namespace taken away.
	bare bool
}

// field is one member's value in an element being read.
type field struct {
	m    *Member // nil for a wildcard or generic property
	name string
	v    any
	arr  []any
}

type frame struct {
	m        *Member
	t        *Type
	name     string // local name of a wildcard or generic element
	fields   []field
	text     []byte
	nil      bool
	textSeen bool // non-space text reported or collected
	elemSeen bool
	lastSeq  int
	last     string
	skip     int // >0: inside an unknown subtree, its depth
	pathLen  int
	grouped  []*Member // occurrences of repeating-sequence members, in order
}

func (rd *reader) wrap(err error) error {
	line, col := rd.sc.Pos()
	var se *xmlscan.SyntaxError
	switch {
	case errors.Is(err, xmlscan.ErrDirective) && errors.As(err, &se):
		return fmt.Errorf("%w: <!%s…> (DTDs and entity declarations are not accepted) (line %d, column %d)", ErrForbidden, se.Msg, se.Line, se.Col)
	case errors.As(err, &se):
		return fmt.Errorf("%w: line %d, column %d: %s", ErrSyntax, se.Line, se.Col, se.Msg)
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("%w: input larger than %d bytes", ErrLimit, rd.lim.MaxBytes)
	case errors.Is(err, ErrLimit), errors.Is(err, ErrForbidden), errors.Is(err, ErrRoot), errors.Is(err, ErrSyntax):
		return fmt.Errorf("%w (line %d, column %d)", err, line, col)
	}
	return fmt.Errorf("%w: line %d, column %d: %v", ErrSyntax, line, col, err)
}

func (rd *reader) run() (any, error) {
	var root any
	for {
		k, err := rd.sc.Next()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch k {
		case xmlscan.StartElement:
			el, err := rd.ns.start(rd.sc.Name(), rd.sc.Attrs())
			if err != nil {
				return nil, err
			}
			if err := rd.start(el); err != nil {
				return nil, err
			}
		case xmlscan.EndElement:
			rd.ns.end()
			if v, isRoot := rd.end(); isRoot {
				root = v
			}
		case xmlscan.Text:
			if err := rd.chars(rd.sc.Text()); err != nil {
				return nil, err
			}
		}
		if len(rd.mism) >= rd.lim.MaxMismatches {
			return nil, fmt.Errorf("%w: more than %d mismatches", ErrLimit, rd.lim.MaxMismatches)
		}
	}
}

func (rd *reader) mismatch(code string, name xml.Name, want string) {
	line, _ := rd.sc.Pos()
	n := name.Local
	if name.Space != "" {
		n = "{" + name.Space + "}" + n
	}
	rd.mism = append(rd.mism, Mismatch{Pointer: pointer(rd.path), Line: line, Code: code, Name: n, Want: want})
}

func (rd *reader) newFrame(m *Member, t *Type) *frame {
	var f *frame
	if n := len(rd.free); n > 0 {
		f, rd.free = rd.free[n-1], rd.free[:n-1]
		*f = frame{fields: f.fields[:0], text: f.text[:0], grouped: f.grouped[:0]}
	} else {
		f = &frame{}
	}
	f.m, f.t, f.lastSeq = m, t, -1
	f.pathLen = len(rd.path)
	return f
}

func (rd *reader) chars(t []byte) error {
	if len(rd.stack) == 0 {
		return nil
	}
	f := rd.stack[len(rd.stack)-1]
	if f.skip > 0 {
		return nil
	}
	if f.t.Kind == Complex && f.t.text == nil {
		if !f.textSeen && !allSpace(t) {
			f.textSeen = true
			rd.mismatch(CodeText, xml.Name{}, "")
		}
		return nil
	}
	if len(f.text)+len(t) > rd.lim.MaxText {
		return fmt.Errorf("%w: text longer than %d bytes", ErrLimit, rd.lim.MaxText)
	}
	f.text = append(f.text, t...)
	return nil
}

// object builds a JSON object from the fields, in member order.
func (rd *reader) object(f *frame) any {
	sortFields(f.fields)
	if rd.maps {
		o := make(map[string]any, len(f.fields))
		for _, x := range f.fields {
			o[x.name] = x.value()
		}
		return o
	}
	o := jsonobj.New()
	for _, x := range f.fields {
		o.Set(x.name, x.value())
	}
	return o
}

func (x *field) value() any {
	if x.arr != nil {
		return x.arr
	}
	return x.v
}

// sortFields puts altinnRowId first, then members in schema order, then
// wildcard content in document order (insertion sort: few fields, mostly
// sorted already).
func sortFields(fs []field) {
	rank := func(x *field) int {
		switch {
		case x.m != nil:
			return x.m.index + 1
		case x.name == RowIDName:
			return 0
		}
		return 1 << 30
	}
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && rank(&fs[j]) < rank(&fs[j-1]); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func allSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}
