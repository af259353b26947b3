// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/xml"
	"fmt"

	"github.com/blankett/blankett/datamodels/xmljson/internal/xmlscan"
)

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// elem is a start tag with its names resolved; the byte slices belong to
// the scanner and are valid until its next token.
type elem struct {
	space string
	local []byte
	attrs []xattr
}

type xattr struct {
	space string
	local []byte
	value []byte
	decl  bool // an xmlns or xmlns:p declaration
}

func (e *elem) name() xml.Name  { return xml.Name{Space: e.space, Local: string(e.local)} }
func (a *xattr) name() xml.Name { return xml.Name{Space: a.space, Local: string(a.local)} }

// nsScope resolves prefixes against the xmlns attributes in scope; the
// scanner has checked that end tags match their start tags.
type nsScope struct {
	binds []nsBind
	marks []int
	el    elem
}

type nsBind struct{ prefix, uri string }

func (s *nsScope) lookup(prefix []byte) (string, bool) {
	switch string(prefix) {
	case "":
		for i := len(s.binds) - 1; i >= 0; i-- {
			if s.binds[i].prefix == "" {
				return s.binds[i].uri, true
			}
		}
		return "", true
	case "xml":
		return xmlNS, true
	case "xmlns":
		return "xmlns", true
	}
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].prefix == string(prefix) {
			return s.binds[i].uri, true
		}
	}
	return "", false
}

// start declares the tag's namespace attributes and resolves its names.
func (s *nsScope) start(name xmlscan.Name, attrs []xmlscan.Attr) (*elem, error) {
	s.marks = append(s.marks, len(s.binds))
	for _, a := range attrs {
		switch {
		case string(a.Name.Prefix) == "xmlns":
			s.binds = append(s.binds, nsBind{string(a.Name.Local), s.intern(a.Value)})
		case len(a.Name.Prefix) == 0 && string(a.Name.Local) == "xmlns":
			s.binds = append(s.binds, nsBind{"", s.intern(a.Value)})
		}
	}
	uri, ok := s.lookup(name.Prefix)
	if !ok {
		return nil, fmt.Errorf("%w: undeclared namespace prefix %q", ErrSyntax, name.Prefix)
	}
	el := &s.el
	el.space, el.local, el.attrs = uri, name.Local, el.attrs[:0]
	for _, a := range attrs {
		x := xattr{local: a.Name.Local, value: a.Value}
		switch {
		case string(a.Name.Prefix) == "xmlns":
			x.space, x.decl = "xmlns", true
		case len(a.Name.Prefix) == 0:
			x.decl = string(a.Name.Local) == "xmlns"
		default:
			if x.space, ok = s.lookup(a.Name.Prefix); !ok {
				return nil, fmt.Errorf("%w: undeclared namespace prefix %q", ErrSyntax, a.Name.Prefix)
			}
		}
		el.attrs = append(el.attrs, x)
	}
	return el, nil
}

// intern reuses the string of a namespace already bound: documents repeat
// the same few declarations.
func (s *nsScope) intern(uri []byte) string {
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].uri == string(uri) {
			return s.binds[i].uri
		}
	}
	return string(uri)
}

// end drops the bindings of the element being closed.
func (s *nsScope) end() {
	n := len(s.marks)
	s.binds = s.binds[:s.marks[n-1]]
	s.marks = s.marks[:n-1]
}
