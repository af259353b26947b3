// SPDX-License-Identifier: MIT

package jsonxsd

// schemaKeywords are the top-level keywords that describe the document, not
// the root element.
var schemaKeywords = map[string]bool{
	"$schema": true, "$id": true, "type": true, "@xsdNamespaces": true, "@xsdSchemaAttributes": true,
	"@xsdRootElement": true, "info": true, "$defs": true, "definitions": true, "title": true,
	"description": true, "@xsdUnhandledAttributes": true, "$comment": true,
}

// foreignIsSchemas decides who owns top-level @xsdUnhandledAttributes: the
// schema's, unless an inline root element wrote its own over them.
func (c *converter) foreignIsSchemas() bool { return !c.inlineRoot() }

// schemaAnnotation rebuilds the schema-level annotation: info as the SERES
// list of <xs:attribute name fixed>, then whatever $comment holds.
func (c *converter) schemaAnnotation() *node {
	ann := &node{name: c.ns.xs("annotation")}
	if info := object(c.doc, "info"); info != nil {
		doc := &node{name: c.ns.xs("documentation")}
		for _, k := range info.Keys() {
			a := (&node{name: c.ns.xs("attribute")}).set("name", k)
			if v, ok := literal(info.Value(k)); ok {
				a.set("fixed", v)
			}
			doc.add(a)
		}
		if len(doc.children) > 0 {
			ann.add(doc)
		}
	}
	if c.commentIsSchemas() {
		if a := c.annotation(c.doc, "#"); a != nil {
			ann.add(a.children...)
		}
	}
	if len(ann.children) == 0 {
		return nil
	}
	return ann
}

// commentIsSchemas decides who owns a top-level $comment: xsdjson writes the
// schema annotation's leftovers there, and an inline root element's
// annotation over them.
func (c *converter) commentIsSchemas() bool {
	return c.doc.Has("info") || !c.inlineRoot()
}

func (c *converter) inlineRoot() bool {
	if m, _ := c.rootRef(); m != nil {
		return false
	}
	for _, k := range c.doc.Keys() {
		if !schemaKeywords[k] {
			return true
		}
	}
	return false
}

// rootRef returns the member of a top-level oneOf/allOf/anyOf that names
// the root element's type (the SERES form), or nil.
func (c *converter) rootRef() (*obj, string) {
	if c.doc.Has("properties") {
		return nil, ""
	}
	for _, k := range []string{"oneOf", "allOf", "anyOf"} {
		arr := array(c.doc, k)
		if len(arr) != 1 {
			continue
		}
		if m, ok := arr[0].(*obj); ok && isPlainRef(m) && m.Len() == 1 {
			return m, child("#", k, 0)
		}
	}
	return nil, ""
}

// rootElement writes the first global element.
func (c *converter) rootElement() (*node, error) {
	name, named := str(c.doc, "@xsdRootElement")
	if m, ptr := c.rootRef(); m != nil {
		if !named || name == "" {
			name = c.defaultRootName()
		}
		e, err := c.element(name, m, ptr, elemCtx{global: true})
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	props := object(c.doc, "properties")
	if !named && props != nil && props.Len() == 1 && !c.doc.Has("oneOf") && !c.doc.Has("allOf") {
		// An older or hand-made schema: the one top-level property is the root.
		k := props.Keys()[0]
		if p := object(props, k); p != nil && !isGroupRef(p) && (p.Has("$ref") || p.Has("properties")) {
			return c.element(k, p, child("#", "properties", k), elemCtx{global: true})
		}
	}
	if !named && !c.inlineRoot() {
		return nil, nil
	}
	if !named || name == "" {
		name = c.defaultRootName()
	}
	s := newObj()
	for _, k := range c.doc.Keys() {
		if !schemaKeywords[k] || (k == "$comment" && !c.commentIsSchemas()) ||
			(k == "@xsdUnhandledAttributes" && !c.foreignIsSchemas()) {
			s.Set(k, c.doc.Value(k))
		}
	}
	return c.element(name, s, "#", elemCtx{global: true})
}

// component writes one $def as the kind classify chose.
func (c *converter) component(name string) (*node, error) {
	d, ptr := c.def(name), child("#", c.defsKey, name)
	if isArray(d) && c.kinds[name] != kindSimpleType {
		return nil, failAt(ptr, `"type": "array"`, ErrUnsupported, "a definition that is an array of non-simple items has no XSD form; make the property that uses it the array")
	}
	switch c.kinds[name] {
	case kindElement:
		return c.element(name, d, ptr, elemCtx{global: true})
	case kindAttribute:
		return c.attribute(name, d, ptr, false, true)
	case kindSimpleType:
		return c.simpleTypeNode(name, d, ptr, true)
	case kindGroup:
		g := (&node{name: c.ns.xs("group")}).set("name", name)
		if err := c.foreign(g, d, ptr); err != nil {
			return nil, err
		}
		p, err := c.contentParticle(stripMeta(d), ptr)
		if err != nil {
			return nil, err
		}
		return g.add(c.annotation(d, ptr), p), nil
	case kindAttributeGroup:
		return c.attributeGroup(name, d, ptr)
	}
	return c.complexTypeNode(name, d, ptr, true)
}

func (c *converter) attributeGroup(name string, d *obj, ptr string) (*node, error) {
	g := (&node{name: c.ns.xs("attributeGroup")}).set("name", name)
	if err := c.foreign(g, d, ptr); err != nil {
		return nil, err
	}
	g.add(c.annotation(d, ptr))
	for _, st := range stepsOf(stripMeta(d), ptr) {
		switch {
		case isGroupRef(st.o):
			n, err := c.attributeGroupRef(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			g.add(n)
		case st.o.Has("properties"):
			ns, err := c.attributes(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			g.add(ns...)
		}
	}
	a, err := c.anyAttribute(d, ptr)
	if err != nil {
		return nil, err
	}
	return g.add(a), nil
}
