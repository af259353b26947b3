// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
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
	d := xml.NewDecoder(in)
	d.Strict = true
	d.CharsetReader = charsetReader
	rd := &reader{m: m, d: d, lim: lim, maps: opts.Maps}
	v, err := rd.run()
	if err != nil {
		return nil, rd.wrap(err)
	}
	return &Result{Value: v, Mismatches: rd.mism}, nil
}

type reader struct {
	m    *Model
	d    *xml.Decoder
	lim  Limits
	maps bool
	mism []Mismatch

	stack []*frame
	path  []string
	free  []*frame
	ns    nsScope
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
	line, col := rd.d.InputPos()
	switch {
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("%w: input larger than %d bytes", ErrLimit, rd.lim.MaxBytes)
	case errors.Is(err, ErrLimit), errors.Is(err, ErrForbidden), errors.Is(err, ErrRoot), errors.Is(err, ErrSyntax):
		return fmt.Errorf("%w (line %d, column %d)", err, line, col)
	}
	return fmt.Errorf("%w: line %d, column %d: %v", ErrSyntax, line, col, err)
}

func (rd *reader) run() (any, error) {
	var (
		root    any
		done    bool
		started bool
	)
	for {
		tok, err := rd.d.RawToken()
		if err == io.EOF {
			if !done {
				if started {
					return nil, fmt.Errorf("%w: document ends inside an element", ErrSyntax)
				}
				return nil, fmt.Errorf("%w: no root element", ErrSyntax)
			}
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if done {
				return nil, fmt.Errorf("%w: a second root element <%s>", ErrSyntax, t.Name.Local)
			}
			started = true
			if err := rd.ns.start(&t); err != nil {
				return nil, err
			}
			if err := rd.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := rd.ns.end(t); err != nil {
				return nil, err
			}
			v, isRoot := rd.end()
			if isRoot {
				root, done = v, true
			}
		case xml.CharData:
			if err := rd.chars(t); err != nil {
				return nil, err
			}
		case xml.Directive:
			return nil, fmt.Errorf("%w: <!%s…> (DTDs and entity declarations are not accepted)", ErrForbidden, firstWord(t))
		case xml.ProcInst, xml.Comment:
		}
		if len(rd.mism) >= rd.lim.MaxMismatches {
			return nil, fmt.Errorf("%w: more than %d mismatches", ErrLimit, rd.lim.MaxMismatches)
		}
	}
}

func firstWord(b []byte) string {
	s := string(b)
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}

func (rd *reader) mismatch(code string, name xml.Name, want string) {
	line, _ := rd.d.InputPos()
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

func (rd *reader) chars(t xml.CharData) error {
	if len(rd.stack) == 0 {
		return nil
	}
	f := rd.stack[len(rd.stack)-1]
	if f.skip > 0 {
		return nil
	}
	if f.t.Kind == Complex && f.t.text == nil {
		if !f.textSeen && strings.Trim(string(t), xmlSpace) != "" {
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
