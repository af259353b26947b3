// SPDX-License-Identifier: MIT

package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// stream renders a token stream with adjacent text merged (comments and
// processing instructions split text in encoding/xml, not here).
type stream struct {
	b    strings.Builder
	text []byte
}

func (s *stream) flush() {
	if len(s.text) > 0 {
		fmt.Fprintf(&s.b, "%q", s.text)
		s.text = s.text[:0]
	}
}

func (s *stream) start(name string, attrs []string) {
	s.flush()
	fmt.Fprintf(&s.b, "<%s %q>", name, attrs)
}

func (s *stream) end(name string) { s.flush(); fmt.Fprintf(&s.b, "</%s>", name) }

func raw(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// ours scans data with Scanner.
func ours(data []byte) (string, error) {
	s := New(bytes.NewReader(data))
	s.Encoding = func(string) error { return nil }
	var out stream
	for {
		k, err := s.Next()
		if err != nil {
			out.flush()
			if err == io.EOF {
				err = nil
			}
			return out.b.String(), err
		}
		switch n := s.Name(); k {
		case StartElement:
			var as []string
			for _, a := range s.Attrs() {
				as = append(as, raw(string(a.Name.Prefix), string(a.Name.Local))+"="+string(a.Value))
			}
			out.start(raw(string(n.Prefix), string(n.Local)), as)
		case EndElement:
			out.end(raw(string(n.Prefix), string(n.Local)))
		case Text:
			out.text = append(out.text, s.Text()...)
		}
	}
}

// oracle scans data with encoding/xml in strict mode plus the checks its
// RawToken leaves to the caller: matching end tags, one root, no DTD.
func oracle(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		out   stream
		open  []string
		roots int
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			out.flush()
			switch {
			case len(open) > 0:
				return "", errors.New("document ends inside an element")
			case roots == 0:
				return "", errors.New("no root element")
			}
			return out.b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) == 0 {
				if roots++; roots > 1 {
					return "", errors.New("a second root element")
				}
			}
			var as []string
			for _, a := range t.Attr {
				as = append(as, raw(a.Name.Space, a.Name.Local)+"="+a.Value)
			}
			n := raw(t.Name.Space, t.Name.Local)
			open = append(open, n)
			out.start(n, as)
		case xml.EndElement:
			n := raw(t.Name.Space, t.Name.Local)
			if len(open) == 0 || open[len(open)-1] != n {
				return "", errors.New("end tag does not match")
			}
			open = open[:len(open)-1]
			out.end(n)
		case xml.CharData:
			out.text = append(out.text, t...)
		case xml.Directive:
			return "", errors.New("directive")
		}
	}
}

// divergence says why the scanner may reject what encoding/xml accepts or
// accept what it rejects: checks it does not make (surrogate references,
// repeated attributes, a late XML declaration) and names of XML 1.0 fifth
// edition, which accepts more non-ASCII letters than encoding/xml's tables.
func divergence(data []byte, errOurs, errOracle error) bool {
	if errOurs != nil {
		for _, s := range []string{"illegal character code U+D", "given twice", "XML declaration after"} {
			if strings.Contains(errOurs.Error(), s) {
				return true
			}
		}
		return false
	}
	return bytes.ContainsFunc(data, func(r rune) bool { return r >= 0x80 }) && strings.Contains(errOracle.Error(), "name")
}

// FuzzScan checks the scanner against encoding/xml: both accept or both
// reject (but for the known divergences), and accepted documents give the
// same tokens.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		`<a/>`, `<p:a xmlns:p="u" b='1&amp;2'>x<![CDATA[y]]>&#x20AC;<!--c--><?p i?></p:a>`,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\r\n<b c=\"&lt;\"/></a>\n",
		`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, `<a>]]></a>`, `<a>&#0;</a>`, `<ø/>`, `<a b="1"b="2"/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, errOurs := ours(data)
		want, errOracle := oracle(data)
		switch {
		case (errOurs == nil) != (errOracle == nil):
			if !divergence(data, errOurs, errOracle) {
				t.Fatalf("verdicts differ on %q:\nours:   %v\noracle: %v", data, errOurs, errOracle)
			}
		case errOurs == nil && got != want:
			t.Fatalf("tokens differ on %q:\nours:   %s\noracle: %s", data, got, want)
		}
	})
}
