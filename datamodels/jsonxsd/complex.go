// SPDX-License-Identifier: MIT

package jsonxsd

// complexTypeNode writes an xs:complexType (named when name is set). With
// claimMeta the schema's $comment and foreign attributes are the type's;
// otherwise the element that holds the anonymous type took them.
func (c *converter) complexTypeNode(name string, s *obj, ptr string, claimMeta bool) (*node, error) {
	ct := &node{name: c.ns.xs("complexType")}
	if name != "" {
		ct.set("name", name)
	}
	if claimMeta {
		if err := c.foreign(ct, s, ptr); err != nil {
			return nil, err
		}
		ct.add(c.annotation(s, ptr))
	}
	if t, _ := mainType(s); t == "object" && !s.Has("properties") && !s.Has("allOf") && !s.Has("oneOf") && !s.Has("$ref") {
		return nil, failAt(ptr, "object", ErrIncompatible, "an object without properties has no XSD form")
	}
	steps := stepsOf(s, ptr)
	if len(steps) == 1 && steps[0].o == s && !s.Has("allOf") {
		body := stripMeta(s)
		if !claimMeta {
			body = stripOccurs(body) // the element's, not its content's
		}
		steps = []step{{body, ptr}}
	}
	// xsdjson writes a complex type's own attributes first, then its content.
	var attrs []*node
	i := 0
	for ; i < len(steps); i++ {
		st := steps[i]
		if isAttrStep(st.o) {
			ns, err := c.attributes(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, ns...)
			continue
		}
		if isGroupRef(st.o) && c.kindOfRef(st.o) == kindAttributeGroup {
			n, err := c.attributeGroupRef(st.o, st.ptr)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, n)
			continue
		}
		break
	}
	rest := steps[i:]
	if len(rest) == 1 && !c.hasTextValue(rest[0].o) {
		// The designer marks some properties of one object as attributes.
		elems, more, err := c.partition(rest[0])
		if err != nil {
			return nil, err
		}
		attrs = append(attrs, more...)
		rest = elems
	}
	anyAttr, err := c.anyAttribute(s, ptr)
	if err != nil {
		return nil, err
	}
	switch {
	case len(rest) > 0 && isPlainRef(rest[0].o):
		content, err := c.derivation(rest, anyAttr)
		if err != nil {
			return nil, err
		}
		return ct.add(content), nil
	case len(rest) > 0 && c.hasTextValue(rest[0].o):
		content, err := c.simpleContentExtension(rest, anyAttr)
		if err != nil {
			return nil, err
		}
		return ct.add(content), nil
	case len(rest) == 1:
		p, err := c.contentParticle(rest[0].o, rest[0].ptr)
		if err != nil {
			return nil, err
		}
		ct.add(p)
	case len(rest) > 1:
		p, err := c.sequence(rest, elemCtx{}, claimMeta && hasGroupOccurs(s), s)
		if err != nil {
			return nil, err
		}
		ct.add(p)
	}
	ct.add(attrs...)
	return ct.add(anyAttr), nil
}

// stripMeta hides the keywords that belong to the owner of a schema rather
// than to its content model.
func stripMeta(s *obj) *obj {
	out := s
	for _, k := range []string{"$comment", "@xsdUnhandledAttributes", "@xsdAnyAttribute"} {
		if s.Has(k) {
			if out == s {
				out = cloneObj(s)
			}
			out.Delete(k)
		}
	}
	return out
}

func cloneObj(s *obj) *obj {
	out := newObj()
	for _, k := range s.Keys() {
		out.Set(k, s.Value(k))
	}
	return out
}

// partition splits the attribute properties off a run of properties.
func (c *converter) partition(st step) ([]step, []*node, error) {
	props := object(st.o, "properties")
	if props == nil || st.o.Has("allOf") || st.o.Has("oneOf") {
		return []step{st}, nil, nil
	}
	var attrs []*node
	elems := newObj()
	for _, k := range props.Keys() {
		p := object(props, k)
		if p == nil || !isTrue(p, "@xsdAttribute") {
			elems.Set(k, props.Value(k))
			continue
		}
		a, err := c.attribute(k, p, child(st.ptr, "properties", k), isRequired(st.o, k), false)
		if err != nil {
			return nil, nil, err
		}
		attrs = append(attrs, a)
	}
	if len(attrs) == 0 {
		return []step{st}, nil, nil
	}
	if elems.Len() == 0 {
		return nil, attrs, nil
	}
	rest := cloneObj(st.o)
	rest.Set("properties", elems)
	return []step{{rest, st.ptr}}, attrs, nil
}

// hasTextValue reports whether a step holds simple content: a "value"
// property marked @xsdText, or, as Altinn's analyzer also accepts, a simple
// "value" element beside nothing but attributes (at least one; a lone
// "value" is an element of that name).
func (c *converter) hasTextValue(s *obj) bool {
	props := object(s, "properties")
	if props == nil || s.Has("allOf") || s.Has("oneOf") {
		return false
	}
	v := object(props, "value")
	switch {
	case v == nil || isTrue(v, "@xsdAttribute"):
		return false
	case isTrue(v, "@xsdText"):
		return true
	}
	attrs := 0
	for _, k := range props.Keys() {
		if p := object(props, k); p != nil && isTrue(p, "@xsdAttribute") {
			attrs++
		}
	}
	return attrs > 0 && attrs == props.Len()-1 && c.isSimple(v, map[string]bool{})
}

// attributes writes the attribute properties of one step.
func (c *converter) attributes(s *obj, ptr string) ([]*node, error) {
	props := object(s, "properties")
	var out []*node
	for _, k := range props.Keys() {
		a, err := c.attribute(k, object(props, k), child(ptr, "properties", k), isRequired(s, k), false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (c *converter) attributeGroupRef(s *obj, ptr string) (*node, error) {
	name, err := c.refName(s, ptr)
	if err != nil {
		return nil, err
	}
	n := (&node{name: c.ns.xs("attributeGroup")}).set("ref", c.ns.ref(name))
	return n.add(c.annotation(s, ptr)), nil
}

// anyAttribute writes @xsdAnyAttribute back as xs:anyAttribute.
func (c *converter) anyAttribute(s *obj, ptr string) (*node, error) {
	if !s.Has("@xsdAnyAttribute") {
		return nil, nil
	}
	o := object(s, "@xsdAnyAttribute")
	if o == nil {
		return nil, failAt(child(ptr, "@xsdAnyAttribute"), "@xsdAnyAttribute", ErrInvalid, "not an object")
	}
	n := &node{name: c.ns.xs("anyAttribute")}
	if id, ok := str(o, "Id"); ok && id != "" {
		n.set("id", id)
	}
	if v, ok := str(o, "Namespace"); ok && v != "" && v != "##any" {
		n.set("namespace", v)
	}
	switch v, _ := str(o, "ProcessContent"); v {
	case "Strict":
		n.set("processContents", "strict")
	case "Lax":
		n.set("processContents", "lax")
	case "Skip":
		n.set("processContents", "skip")
	}
	return n, nil
}
