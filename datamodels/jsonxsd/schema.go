// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

func newObj() *obj { return jsonobj.New() }

// setupNamespaces reads @xsdNamespaces and picks the prefixes for XSD names
// and for references to the schema's own components.
func (c *converter) setupNamespaces() error {
	ns := &namespaces{}
	c.ns = ns
	decls := object(c.doc, "@xsdNamespaces")
	if c.doc.Has("@xsdNamespaces") && decls == nil {
		return failAt("#/@xsdNamespaces", "@xsdNamespaces", ErrInvalid, "not an object")
	}
	if decls != nil {
		for _, p := range decls.Keys() {
			uri, ok := str(decls, p)
			at := child("#/@xsdNamespaces", p)
			switch {
			case !ok:
				return failAt(at, "@xsdNamespaces", ErrInvalid, "namespace of prefix %q is not a string", p)
			case p == "xml" || p == "xmlns":
				continue // bound by XML itself
			case p != "" && !isNCName(p):
				return failAt(at, "@xsdNamespaces", ErrInvalid, "%q is not a namespace prefix", p)
			case uri == "" && p != "":
				return failAt(at, "@xsdNamespaces", ErrInvalid, "prefix %q is bound to no namespace", p)
			case uri == "":
				continue
			}
			ns.decls = append(ns.decls, decl{p, uri})
		}
	}
	attrs := object(c.doc, "@xsdSchemaAttributes")
	if attrs != nil {
		c.tns, _ = str(attrs, "TargetNamespace")
	}
	if def, ok := ns.lookup(""); ok && def != c.tns && c.hasRefs() {
		// Unprefixed references mean the default namespace; it must be the
		// target namespace (none here) for them to resolve.
		ns.dropDefault()
	}
	if p, ok := ns.prefixFor(nsXSD, "xsd", "xs"); ok {
		ns.xsd = p
	} else {
		ns.xsd = ns.declare("xsd", nsXSD)
	}
	if decls == nil {
		if _, ok := ns.prefixFor(nsXSI); !ok {
			ns.declare("xsi", nsXSI)
		}
	}
	if c.tns != "" && c.hasRefs() {
		if p, ok := ns.prefixFor(c.tns, ""); ok {
			ns.tnsPrefix = p
		} else {
			ns.tnsPrefix = ns.declare("tns", c.tns)
		}
	}
	return nil
}

// hasRefs reports whether the document references any component.
func (c *converter) hasRefs() bool {
	var walk func(v any) bool
	walk = func(v any) bool {
		switch x := v.(type) {
		case *obj:
			if x.Has("$ref") {
				return true
			}
			for _, k := range x.Keys() {
				if walk(x.Value(k)) {
					return true
				}
			}
		case []any:
			for _, e := range x {
				if walk(e) {
					return true
				}
			}
		}
		return false
	}
	return walk(c.doc)
}

// schema builds the xs:schema element: annotation, root element, then the
// $defs in their order.
func (c *converter) schema() (*node, error) {
	var items []*node
	items = append(items, c.schemaAnnotation())
	root, err := c.rootElement()
	if err != nil {
		return nil, err
	}
	items = append(items, root)
	for _, name := range c.defNames() {
		n, err := c.component(name)
		if err != nil {
			return nil, err
		}
		items = append(items, n)
	}
	s := &node{name: c.ns.xs("schema")}
	if err := c.schemaAttributes(s); err != nil {
		return nil, err
	}
	return s.add(items...), nil
}

func (c *converter) schemaAttributes(s *node) error {
	attrs := object(c.doc, "@xsdSchemaAttributes")
	var own []attr
	if attrs == nil {
		own = append(own, attr{"elementFormDefault", "qualified"}, attr{"attributeFormDefault", "unqualified"})
	} else {
		if c.tns != "" {
			own = append(own, attr{"targetNamespace", c.tns})
		}
		if v, ok := str(attrs, "Version"); ok {
			own = append(own, attr{"version", v})
		}
		for _, k := range []string{"ElementFormDefault", "AttributeFormDefault"} {
			switch v, _ := str(attrs, k); strings.ToLower(v) {
			case "qualified", "unqualified":
				own = append(own, attr{strings.ToLower(k[:1]) + k[1:], strings.ToLower(v)})
			}
		}
		for _, k := range []string{"BlockDefault", "FinalDefault"} {
			if v, ok := derivationSet(str(attrs, k)); ok {
				own = append(own, attr{strings.ToLower(k[:1]) + k[1:], v})
			}
		}
	}
	if c.foreignIsSchemas() {
		if err := c.foreign(s, c.doc, "#"); err != nil {
			return err
		}
	}
	foreign := s.attrs
	s.attrs = nil
	for _, d := range c.ns.decls {
		if d.prefix == "" {
			s.set("xmlns", d.uri)
		} else {
			s.set("xmlns:"+d.prefix, d.uri)
		}
	}
	s.attrs = append(s.attrs, own...)
	s.attrs = append(s.attrs, foreign...)
	return nil
}

// derivationSet reads .NET's spelling of blockDefault/finalDefault back.
func derivationSet(v string, ok bool) (string, bool) {
	switch {
	case !ok || v == "" || v == "None":
		return "", false
	case v == "All":
		return "#all", true
	case v == "Empty":
		return "", true
	}
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, " "), len(out) > 0
}
