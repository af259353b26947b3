// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Namespace URIs the converter knows.
const (
	nsXSD   = "http://www.w3.org/2001/XMLSchema"
	nsXSI   = "http://www.w3.org/2001/XMLSchema-instance"
	nsXML   = "http://www.w3.org/XML/1998/namespace"
	nsSERES = "http://seres.no/xsd/forvaltningsdata"
	nsOR    = "http://www.brreg.no/or"
)

type decl struct{ prefix, uri string }

// namespaces are the declarations on the output's xs:schema element and the
// prefixes chosen for XSD names and for references to the target namespace.
type namespaces struct {
	decls     []decl
	xsd       string // prefix of the XSD namespace; "" when it is the default
	tnsPrefix string
}

func (n *namespaces) lookup(prefix string) (string, bool) {
	if prefix == "xml" {
		return nsXML, true
	}
	for _, d := range n.decls {
		if d.prefix == prefix {
			return d.uri, true
		}
	}
	return "", false
}

// prefixFor returns a prefix bound to uri, preferring the ones listed first.
func (n *namespaces) prefixFor(uri string, prefer ...string) (string, bool) {
	for _, p := range prefer {
		if u, ok := n.lookup(p); ok && u == uri {
			return p, true
		}
	}
	for _, d := range n.decls {
		if d.uri == uri && d.prefix != "" {
			return d.prefix, true
		}
	}
	for _, d := range n.decls {
		if d.uri == uri {
			return d.prefix, true
		}
	}
	return "", false
}

// declare binds a fresh prefix derived from want to uri and returns it.
func (n *namespaces) declare(want, uri string) string {
	p := want
	for i := 1; ; i++ {
		if _, taken := n.lookup(p); !taken && p != "xmlns" {
			break
		}
		p = want + strconv.Itoa(i)
	}
	n.decls = append(n.decls, decl{p, uri})
	return p
}

func (n *namespaces) dropDefault() {
	out := n.decls[:0]
	for _, d := range n.decls {
		if d.prefix != "" {
			out = append(out, d)
		}
	}
	n.decls = out
}

func qualify(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// xs names an XSD element such as "xsd:element".
func (n *namespaces) xs(local string) string { return qualify(n.xsd, local) }

// builtin names a built-in type such as "xsd:string".
func (n *namespaces) builtin(local string) string { return qualify(n.xsd, local) }

// ref names a component of the schema being written.
func (n *namespaces) ref(local string) string { return qualify(n.tnsPrefix, local) }

// isNCName reports whether s is an XML name without a colon. It asks
// encoding/xml, so that every name written is one datamodels/xsd reads back
// (its tables are XML 1.0's original ones, narrower than today's).
func isNCName(s string) bool {
	if s == "" || !utf8.ValidString(s) || strings.ContainsAny(s, ":<>/=\"' \t\r\n&") {
		return false
	}
	tok, err := xml.NewDecoder(strings.NewReader("<" + s + "/>")).RawToken()
	if err != nil {
		return false
	}
	st, ok := tok.(xml.StartElement)
	return ok && st.Name.Space == "" && st.Name.Local == s
}

// splitForeign reads an @xsdUnhandledAttributes key: "prefix:local" or
// "{uri}local" (the form xsdjson writes when a name had no prefix).
func splitForeign(key string) (prefix, uri, local string) {
	if strings.HasPrefix(key, "{") {
		if i := strings.IndexByte(key, '}'); i > 0 {
			return "", key[1:i], key[i+1:]
		}
	}
	if p, l, ok := strings.Cut(key, ":"); ok {
		return p, "", l
	}
	return "", "", key
}
