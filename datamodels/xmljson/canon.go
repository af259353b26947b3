// SPDX-License-Identifier: MIT

package xmljson

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Canonical returns a canonical text of an XML document, for telling
// whether two documents say the same: names expanded to {namespace}local,
// attributes sorted, namespace declarations, comments and processing
// instructions dropped, whitespace-only text dropped where an element has
// child elements, and empty elements equal however they are written. It
// reads at most 64 MiB and refuses DTDs, as ReadXML does.
func Canonical(data []byte) (string, error) {
	if len(data) > 64<<20 {
		return "", fmt.Errorf("%w: input larger than 64 MiB", ErrLimit)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	type node struct {
		head     string
		text     strings.Builder
		children []string
	}
	var stack []*node
	var out string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return "", fmt.Errorf("%w: <!%s…>", ErrForbidden, firstWord(t))
		case xml.StartElement:
			if len(stack) >= DefaultMaxDepth {
				return "", fmt.Errorf("%w: elements nested deeper than %d", ErrLimit, DefaultMaxDepth)
			}
			var attrs []string
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, " "+expanded(a.Name)+"="+quote(a.Value))
			}
			slices.Sort(attrs)
			stack = append(stack, &node{head: expanded(t.Name) + strings.Join(attrs, "")})
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			var s string
			if len(n.children) > 0 {
				s = "<" + n.head + ">" + strings.Join(n.children, "") + "</>"
				if strings.TrimSpace(n.text.String()) != "" {
					s = "<" + n.head + " MIXED " + quote(n.text.String()) + ">" + strings.Join(n.children, "") + "</>"
				}
			} else {
				s = "<" + n.head + ">" + quote(n.text.String()) + "</>"
			}
			if len(stack) == 0 {
				out = s
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, "\n"+s)
			}
		}
	}
}

func expanded(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
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
