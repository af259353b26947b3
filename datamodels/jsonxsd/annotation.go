// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// annotation turns $comment (the <documentation>/<appInfo> markup xsdjson
// writes) into an xs:annotation. A $comment that is not such markup, and a
// description of a schema made in the designer, become plain documentation.
func (c *converter) annotation(s *obj, ptr string) *node {
	comment, _ := str(s, "$comment")
	if comment == "" {
		if d, _ := str(s, "description"); strings.TrimSpace(d) != "" {
			doc := &node{name: c.ns.xs("documentation"), inline: escapeText(d)}
			return (&node{name: c.ns.xs("annotation")}).add(doc)
		}
		return nil
	}
	items, ok := c.parseComment(comment)
	if !ok {
		items = []*node{{name: c.ns.xs("documentation"), inline: escapeText(comment)}}
	}
	if len(items) == 0 {
		return nil
	}
	return (&node{name: c.ns.xs("annotation")}).add(items...)
}

// parseComment splits $comment into documentation and appinfo nodes whose
// content is re-serialised token by token, so it is well-formed whatever the
// input. It reports false when the text is not a list of such elements.
func (c *converter) parseComment(comment string) ([]*node, bool) {
	d := xml.NewDecoder(strings.NewReader("<r>" + comment + "</r>"))
	d.Strict = true
	if _, err := d.RawToken(); err != nil {
		return nil, false
	}
	var items []*node
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if _, err := d.RawToken(); !errors.Is(err, io.EOF) {
				return nil, false
			}
			return items, true
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return nil, false
			}
		case xml.StartElement:
			tag := ""
			switch {
			case t.Name.Space == "" && t.Name.Local == "documentation":
				tag = "documentation"
			case t.Name.Space == "" && t.Name.Local == "appInfo":
				tag = "appinfo"
			default:
				return nil, false
			}
			inner, ok := c.markup(d)
			if !ok || inner == "" {
				return nil, false
			}
			items = append(items, &node{name: c.ns.xs(tag), inline: inner})
		default:
			return nil, false
		}
	}
}

// markup re-serialises tokens up to the end of the current element. Namespace
// declarations that repeat a binding of the schema element are dropped.
func (c *converter) markup(d *xml.Decoder) (string, bool) {
	var (
		sb     strings.Builder
		stack  []map[string]bool // prefixes declared inside the markup, kept
		bound  []map[string]bool // prefixes declared inside the markup, kept or not
		names  []string
		inside = func(stk []map[string]bool, p string) bool {
			for _, m := range stk {
				if m[p] {
					return true
				}
			}
			return false
		}
	)
	declaredInside := func(p string) bool { return inside(stack, p) }
	// known reports whether a prefix used in the markup is bound, so the
	// result is namespace-well-formed (RawToken checks neither this nor
	// that end tags match).
	known := func(p string) bool {
		if p == "" || p == "xml" || inside(bound, p) {
			return true
		}
		_, ok := c.ns.lookup(p)
		return ok
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qualify(t.Name.Space, t.Name.Local)
			sb.WriteString("<" + name)
			decl, seen, dup := map[string]bool{}, map[string]bool{}, map[xml.Name]bool{}
			for _, a := range t.Attr {
				if dup[a.Name] || (a.Name.Space == "xmlns" && (a.Value == "" || a.Name.Local == "xmlns")) {
					return "", false
				}
				dup[a.Name] = true
				switch {
				case a.Name.Space == "xmlns":
					seen[a.Name.Local] = true
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					seen[""] = true
				}
			}
			bound = append(bound, seen)
			if !known(t.Name.Space) {
				return "", false
			}
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && !known(a.Name.Space) {
					return "", false
				}
				var prefix string
				isDecl := false
				switch {
				case a.Name.Space == "xmlns":
					prefix, isDecl = a.Name.Local, true
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					isDecl = true
				}
				if isDecl {
					if uri, ok := c.ns.lookup(prefix); ok && uri == a.Value && !declaredInside(prefix) {
						continue
					}
					decl[prefix] = true
				}
				sb.WriteString(" " + qualify(a.Name.Space, a.Name.Local) + `="` + escapeAttr(a.Value) + `"`)
			}
			sb.WriteString(">")
			stack = append(stack, decl)
			names = append(names, name)
		case xml.EndElement:
			if len(names) == 0 {
				return sb.String(), true
			}
			if qualify(t.Name.Space, t.Name.Local) != names[len(names)-1] {
				return "", false
			}
			sb.WriteString("</" + names[len(names)-1] + ">")
			names, stack, bound = names[:len(names)-1], stack[:len(stack)-1], bound[:len(bound)-1]
		case xml.CharData:
			sb.WriteString(escapeText(string(t)))
		case xml.Comment:
			if strings.Contains(string(t), "--") {
				return "", false
			}
			sb.WriteString("<!--" + string(t) + "-->")
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml") || strings.Contains(string(t.Inst), "?>") {
				return "", false
			}
			sb.WriteString("<?" + t.Target + " " + string(t.Inst) + "?>")
		default:
			return "", false
		}
	}
}

// foreign writes the @xsdUnhandledAttributes of s onto n.
func (c *converter) foreign(n *node, s *obj, ptr string) error {
	if !s.Has("@xsdUnhandledAttributes") {
		return nil
	}
	o := object(s, "@xsdUnhandledAttributes")
	if o == nil {
		return failAt(child(ptr, "@xsdUnhandledAttributes"), "@xsdUnhandledAttributes", ErrInvalid, "not an object")
	}
	return c.foreignFrom(n, o, child(ptr, "@xsdUnhandledAttributes"))
}

func (c *converter) foreignFrom(n *node, o *obj, ptr string) error {
	for _, k := range o.Keys() {
		prefix, uri, local := splitForeign(k)
		if !isNCName(local) {
			return failAt(child(ptr, k), k, ErrUnsupported, "%q is not a qualified attribute name", k)
		}
		switch {
		case uri != "":
			p, ok := c.ns.prefixFor(uri)
			if !ok || p == "" {
				p = c.ns.declare("ns", uri)
			}
			prefix = p
		case prefix == "":
			return failAt(child(ptr, k), k, ErrUnsupported, "foreign attribute %q has no namespace prefix", k)
		default:
			if _, ok := c.ns.lookup(prefix); !ok || !isNCName(prefix) {
				return failAt(child(ptr, k), k, ErrInvalid, "prefix %q is not declared in @xsdNamespaces", prefix)
			}
		}
		v, ok := literal(o.Value(k))
		if !ok {
			return failAt(child(ptr, k), k, ErrInvalid, "value is not a string")
		}
		n.set(prefix+":"+local, v)
	}
	return nil
}
