// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/xml"
	"fmt"
)

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// nsScope resolves prefixes for tokens read with RawToken, which is cheaper
// than Token (no re-boxing of every element), and checks that end tags
// match their start tags, which RawToken leaves to the caller.
type nsScope struct {
	binds []nsBind
	marks []int
	open  []xml.Name
}

type nsBind struct{ prefix, uri string }

func (s *nsScope) lookup(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return xmlNS, true
	case "xmlns":
		return "xmlns", true
	}
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].prefix == prefix {
			return s.binds[i].uri, true
		}
	}
	return "", prefix == ""
}

// start declares the element's namespace attributes and resolves its name
// and its attributes' names in place.
func (s *nsScope) start(t *xml.StartElement) error {
	s.marks = append(s.marks, len(s.binds))
	s.open = append(s.open, t.Name)
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			s.binds = append(s.binds, nsBind{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.binds = append(s.binds, nsBind{"", a.Value})
		}
	}
	uri, ok := s.lookup(t.Name.Space)
	if !ok {
		return fmt.Errorf("%w: undeclared namespace prefix %q", ErrSyntax, t.Name.Space)
	}
	t.Name.Space = uri
	for i := range t.Attr {
		a := &t.Attr[i]
		if a.Name.Space == "" || a.Name.Space == "xmlns" {
			continue
		}
		uri, ok := s.lookup(a.Name.Space)
		if !ok {
			return fmt.Errorf("%w: undeclared namespace prefix %q", ErrSyntax, a.Name.Space)
		}
		a.Name.Space = uri
	}
	return nil
}

// end checks the end tag against the open element and drops its bindings.
func (s *nsScope) end(t xml.EndElement) error {
	n := len(s.open)
	if n == 0 {
		return fmt.Errorf("%w: unexpected end element </%s>", ErrSyntax, t.Name.Local)
	}
	if want := s.open[n-1]; want != t.Name {
		return fmt.Errorf("%w: element <%s> closed by </%s>", ErrSyntax, rawName(want), rawName(t.Name))
	}
	s.open = s.open[:n-1]
	s.binds = s.binds[:s.marks[n-1]]
	s.marks = s.marks[:n-1]
	return nil
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
