// SPDX-License-Identifier: MIT

package jsonxsd

// derivation writes simpleContent or complexContent for a content whose
// first step is a plain $ref to the base type.
func (c *converter) derivation(rest []step, anyAttr *node) (*node, error) {
	baseName, err := c.typeRefName(rest[0].o, rest[0].ptr)
	if err != nil {
		return nil, err
	}
	if c.simpleContentBase(baseName, map[string]bool{}) {
		return c.simpleContentRestriction(baseName, rest[1:], anyAttr)
	}
	var (
		particle *node
		attrs    []*node
	)
	for _, st := range rest[1:] {
		switch {
		case isAttrStep(st.o):
			ns, err := c.attributes(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, ns...)
		case isGroupRef(st.o) && c.kindOfRef(st.o) == kindAttributeGroup:
			n, err := c.attributeGroupRef(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, n)
		case particle == nil && len(attrs) == 0:
			if particle, err = c.contentParticle(st.o, st.ptr); err != nil {
				return nil, err
			}
		default:
			return nil, failAt(st.ptr, "allOf", ErrUnsupported, "a derived type has one content model, then its attributes")
		}
	}
	kind := "extension"
	if c.restates(baseName, rest[1:]) {
		kind = "restriction"
	}
	d := (&node{name: c.ns.xs(kind)}).set("base", c.ns.ref(baseName))
	d.add(particle).add(attrs...).add(anyAttr)
	return (&node{name: c.ns.xs("complexContent")}).add(d), nil
}

// simpleContentRestriction writes a restriction of a simple-content type:
// the facets of the "value" property, then the attributes.
func (c *converter) simpleContentRestriction(base string, rest []step, anyAttr *node) (*node, error) {
	d := (&node{name: c.ns.xs("restriction")}).set("base", c.ns.ref(base))
	var attrs []*node
	for _, st := range rest {
		if isGroupRef(st.o) {
			n, err := c.attributeGroupRef(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, n)
			continue
		}
		props := object(st.o, "properties")
		if props == nil {
			continue
		}
		for _, k := range props.Keys() {
			p, pp := object(props, k), child(st.ptr, "properties", k)
			if k == "value" && !isTrue(p, "@xsdAttribute") {
				if err := c.restrictedValue(d, p, pp); err != nil {
					return nil, err
				}
				continue
			}
			a, err := c.attribute(k, p, pp, isRequired(st.o, k), false)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, a)
		}
		if anyAttr == nil {
			var err error
			if anyAttr, err = c.anyAttribute(st.o, st.ptr); err != nil {
				return nil, err
			}
		}
	}
	d.add(attrs...).add(anyAttr)
	return (&node{name: c.ns.xs("simpleContent")}).add(d), nil
}

// restrictedValue writes the inline simple type and facets of a
// simpleContent restriction's value.
func (c *converter) restrictedValue(d *node, v *obj, ptr string) error {
	all := array(v, "allOf")
	if len(all) == 0 && structure(v) == restrictionMarker {
		// an inline simple type without further facets: its allOf collapsed
		st, err := c.simpleTypeNode("", v, ptr, true)
		if err != nil {
			return err
		}
		d.add(st)
		return nil
	}
	if len(all) == 0 {
		return c.facets(d, v, ptr)
	}
	for i, x := range all {
		sub, ok := x.(*obj)
		if !ok {
			return failAt(child(ptr, "allOf", i), "allOf", ErrInvalid, "member is not a schema object")
		}
		if i == 0 {
			st, err := c.simpleTypeNode("", sub, child(ptr, "allOf", i), true)
			if err != nil {
				return err
			}
			d.add(st)
			continue
		}
		if err := c.facets(d, sub, child(ptr, "allOf", i)); err != nil {
			return err
		}
	}
	return nil
}

// simpleContentExtension writes simple content whose first step holds the
// @xsdText "value" with the base type and the attributes beside it.
func (c *converter) simpleContentExtension(rest []step, anyAttr *node) (*node, error) {
	first := rest[0]
	props := object(first.o, "properties")
	v, vp := object(props, "value"), child(first.ptr, "properties", "value")
	d := &node{name: c.ns.xs("extension")}
	switch {
	case isPlainRef(v):
		name, err := c.typeRefName(v, vp)
		if err != nil {
			return nil, err
		}
		d.set("base", c.ns.ref(name))
	default:
		b, ok := builtinOf(v)
		if !ok {
			b = "anySimpleType"
		}
		d.set("base", c.ns.builtin(b))
	}
	for _, k := range props.Keys() {
		if k == "value" {
			continue
		}
		a, err := c.attribute(k, object(props, k), child(first.ptr, "properties", k), isRequired(first.o, k), false)
		if err != nil {
			return nil, err
		}
		d.add(a)
	}
	for _, st := range rest[1:] {
		switch {
		case isGroupRef(st.o):
			n, err := c.attributeGroupRef(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			d.add(n)
		case isAttrStep(st.o):
			ns, err := c.attributes(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			d.add(ns...)
		default:
			return nil, failAt(st.ptr, "allOf", ErrUnsupported, "simple content cannot have a content model")
		}
	}
	if anyAttr == nil {
		var err error
		if anyAttr, err = c.anyAttribute(first.o, first.ptr); err != nil {
			return nil, err
		}
	}
	d.add(anyAttr)
	return (&node{name: c.ns.xs("simpleContent")}).add(d), nil
}

// simpleContentBase reports whether the named def has simple content, so a
// type derived from it is a simpleContent derivation.
func (c *converter) simpleContentBase(name string, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	if c.kinds[name] == kindSimpleType {
		return true
	}
	if c.kinds[name] != kindComplexType {
		return false
	}
	for _, st := range stepsOf(c.def(name), "") {
		switch {
		case isAttrStep(st.o) || isGroupRef(st.o):
			continue
		case c.hasTextValue(st.o):
			return true
		case isPlainRef(st.o):
			base, err := c.refName(st.o, "")
			return err == nil && c.simpleContentBase(base, seen)
		}
		return false
	}
	return false
}

// restates reports whether a derivation only restates names of its base,
// which makes it a restriction: an extension adds new elements or attributes.
func (c *converter) restates(base string, own []step) bool {
	mine := map[string]bool{}
	for _, st := range own {
		c.memberNames(st.o, mine, map[string]bool{}, false)
	}
	if len(mine) == 0 {
		return false
	}
	theirs := map[string]bool{}
	c.memberNames(c.def(base), theirs, map[string]bool{}, true)
	for n := range mine {
		if !theirs[n] {
			return false
		}
	}
	return true
}

// memberNames collects the property names a schema declares, through allOf
// and oneOf, and through references when follow is set.
func (c *converter) memberNames(s *obj, out, seen map[string]bool, follow bool) {
	if s == nil {
		return
	}
	if props := object(s, "properties"); props != nil {
		for _, k := range props.Keys() {
			out[k] = true
		}
	}
	for _, k := range []string{"allOf", "oneOf"} {
		for _, x := range array(s, k) {
			if sub, ok := x.(*obj); ok {
				c.memberNames(sub, out, seen, follow)
			}
		}
	}
	if s.Has("$ref") && (follow || isGroupRef(s)) {
		if name, err := c.refName(s, ""); err == nil && !seen[name] {
			seen[name] = true
			c.memberNames(c.def(name), out, seen, true)
		}
	}
}
