// SPDX-License-Identifier: MIT

package xmlscan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens renders the token stream: <p:a x="1"> </p:a> "text".
func tokens(r io.Reader) (string, error) {
	s := New(r)
	s.Encoding = func(string) error { return nil }
	var b strings.Builder
	for {
		k, err := s.Next()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		n := s.Name()
		q := string(n.Local)
		if len(n.Prefix) > 0 {
			q = string(n.Prefix) + ":" + q
		}
		switch k {
		case StartElement:
			b.WriteString("<" + q)
			for _, a := range s.Attrs() {
				an := string(a.Name.Local)
				if len(a.Name.Prefix) > 0 {
					an = string(a.Name.Prefix) + ":" + an
				}
				fmt.Fprintf(&b, " %s=%q", an, a.Value)
			}
			b.WriteString(">")
		case EndElement:
			b.WriteString("</" + q + ">")
		case Text:
			fmt.Fprintf(&b, "%q", s.Text())
		}
	}
}

func TestScan(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"empty element", `<a/>`, `<a></a>`},
		{"attributes", `<p:a xmlns:p="u" b = 'x&amp;y' c="&#65;&#x42;"/>`, `<p:a xmlns:p="u" b="x&y" c="AB"></p:a>`},
		{"text and entities", `<a>1 &lt; 2 &gt; 0 &quot;&apos;</a>`, `<a>"1 < 2 > 0 \"'"</a>`},
		{"CDATA", `<a><![CDATA[<b>&amp;]]]]></a>`, `<a>"<b>&amp;]]"</a>`},
		{"line ends", "<a>x\r\ny\rz</a>", `<a>"x\ny\nz"</a>`},
		{"comments and PIs skipped", `<?xml version="1.0"?><!-- c --><a><?pi x?>t<!--d--></a>`, `<a>"t"</a>`},
		{"top-level space", "\n<a/>\n", `"\n"<a></a>"\n"`},
		{"non-ASCII", `<ø å="æ">€</ø>`, `<ø å="æ">"€"</ø>`},
		{"colon at the edge is local", `<:a/>`, `<:a></:a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				got, err := tokens(r)
				if err != nil || got != tt.want {
					t.Errorf("got %s, %v; want %s", got, err, tt.want)
				}
			}
		})
	}
}

func TestScanErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, msg string }{
		{"no root", ` `, "line 1, column 2: no root element"},
		{"unclosed", "<a>\n<b>", "line 2, column 4: document ends inside an element"},
		{"wrong end", `<a></b>`, "element <a> closed by </b>"},
		{"second root", `<a/><b/>`, "a second root element <b>"},
		{"stray end", `</a>`, "unexpected end element </a>"},
		{"DOCTYPE", `<!DOCTYPE a [<!ENTITY x "y">]><a/>`, "DOCTYPE"},
		{"unknown entity", `<a>&x;</a>`, "invalid character entity &x;"},
		{"no semicolon", `<a>&amp</a>`, "invalid character entity &amp (no semicolon)"},
		{"NUL reference", `<a>&#0;</a>`, "illegal character code U+0000"},
		{"surrogate reference", `<a>&#xD800;</a>`, "illegal character code U+D800"},
		{"control character", "<a>\x01</a>", "illegal character code U+0001"},
		{"bad UTF-8", "<a>\xff</a>", "invalid UTF-8"},
		{"]]> in text", `<a>]]></a>`, "unescaped ]]> not in CDATA section"},
		{"< in attribute", `<a b="<"/>`, "unescaped < inside quoted string"},
		{"unquoted attribute", `<a b=1/>`, "unquoted or missing attribute value"},
		{"duplicate attribute", `<a b="1" b="2"/>`, "attribute b given twice"},
		{"two colons", `<a:b:c/>`, "expected element name after <"},
		{"bad name", `<1a/>`, "invalid XML name: 1a"},
		{"-- in comment", `<a><!-- a--b --></a>`, `"--" not allowed in comments`},
		{"late declaration", `<a><?xml version="1.0"?></a>`, "XML declaration after the start"},
		{"version", `<?xml version="1.1"?><a/>`, "unsupported version"},
		{"EOF in CDATA", `<a><![CDATA[x`, "unexpected EOF in CDATA section"},
		{"EOF in tag", `<a b="1"`, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tokens(strings.NewReader(tt.in))
			var se *SyntaxError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want a SyntaxError containing %q", err, tt.msg)
			}
		})
	}
}

func TestScanDirective(t *testing.T) {
	t.Parallel()
	_, err := tokens(strings.NewReader(`<!DOCTYPE lolz [<!ENTITY lol "lol">]><lolz>&lol;</lolz>`))
	if !errors.Is(err, ErrDirective) {
		t.Fatalf("err = %v, want ErrDirective", err)
	}
}

func TestScanEncoding(t *testing.T) {
	t.Parallel()
	s := New(strings.NewReader(`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`))
	if _, err := s.Next(); err == nil || !strings.Contains(err.Error(), `encoding "ISO-8859-1" declared`) {
		t.Fatalf("err = %v, want the encoding refused", err)
	}
}

func TestScanLongTokens(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 100<<10)
	in := `<a b="` + long + `">` + long + `&amp;</a>`
	got, err := tokens(iotest.HalfReader(strings.NewReader(in)))
	want := `<a b="` + long + `">"` + long + `&"</a>`
	if err != nil || got != want {
		t.Fatalf("long tokens: err %v, equal %v", err, got == want)
	}
}
