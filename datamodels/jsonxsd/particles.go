// SPDX-License-Identifier: MIT

package jsonxsd

// contentParticle writes the particle of a complex type or group from one
// schema: oneOf is a choice, @xsdStructure "all" an all, anything else a
// sequence (a lone group reference sits in one, as schemas usually write it).
func (c *converter) contentParticle(s *obj, ptr string) (*node, error) {
	switch {
	case s.Has("oneOf"):
		return c.choice(s, ptr, elemCtx{})
	case structure(s) == "all":
		return c.all(s, ptr)
	}
	return c.sequence(stepsOf(stripOccurs(s), ptr), elemCtx{}, hasGroupOccurs(s), s)
}

func structure(s *obj) string { v, _ := str(s, "@xsdStructure"); return v }

func (c *converter) groupRef(s *obj, ptr string) (*node, error) {
	name, err := c.refName(s, ptr)
	if err != nil {
		return nil, err
	}
	if k := c.kinds[name]; k != kindGroup {
		return nil, failAt(ptr, "$ref", ErrUnsupported, "reference to %s %q where a model group is expected", k, name)
	}
	n := (&node{name: c.ns.xs("group")}).set("ref", c.ns.ref(name))
	return n.add(c.annotation(s, ptr)), nil
}

// sequence writes an xs:sequence from its steps. A nested sequence's own
// minOccurs/maxOccurs are the @xsdMinOccurs/@xsdMaxOccurs of own when
// xsdjson wrote them; Altinn's converter does not, and then they are read
// back from its elements (see nestedOccurs).
func (c *converter) sequence(steps []step, ctx elemCtx, nested bool, own *obj) (*node, error) {
	seq := &node{name: c.ns.xs("sequence")}
	if nested && own != nil && hasGroupOccurs(own) {
		ctx = c.groupOccurs(seq, own, ctx)
	} else if nested && !c.explicitGroups {
		opt, rep := c.nestedOccurs(steps, ctx)
		if opt {
			seq.set("minOccurs", "0")
			ctx.optional = true
		}
		if rep {
			seq.set("maxOccurs", "unbounded")
			ctx.repeated = true
		}
	}
	prevProps := false
	for _, st := range steps {
		s, ptr := st.o, st.ptr
		isProps := false
		switch {
		case isGroupRef(s):
			n, err := c.groupRef(s, ptr)
			if err != nil {
				return nil, err
			}
			seq.add(n)
		case s.Has("oneOf"):
			n, err := c.choice(s, ptr, ctx)
			if err != nil {
				return nil, err
			}
			seq.add(n)
		case s.Has("allOf"):
			if len(array(s, "allOf")) == 0 {
				// JSON Schema wants a non-empty allOf; stepsOf would hand back s
				// itself, and this would recurse for ever.
				return nil, failAt(ptr, "allOf", ErrInvalid, "allOf must not be empty")
			}
			n, err := c.sequence(stepsOf(s, ptr), ctx, true, s)
			if err != nil {
				return nil, err
			}
			seq.add(n)
		case isAnyStep(s):
			seq.add(&node{name: c.ns.xs("any")})
		case isPlainRef(s):
			return nil, failAt(ptr, "$ref", ErrUnsupported, "a type reference inside a content model has no XSD form; only the first allOf member may name a base type")
		case s.Has("properties") && hasGroupOccurs(s):
			n, err := c.sequence([]step{{stripOccurs(s), ptr}}, ctx, true, s)
			if err != nil {
				return nil, err
			}
			seq.add(n)
		case s.Has("properties") && !c.explicitGroups && (nested || len(steps) > 1) && c.hasContextEvidence(s, ctx):
			isProps = true
			n, err := c.sequence([]step{st}, ctx, true, nil)
			if err != nil {
				return nil, err
			}
			seq.add(n)
		case s.Has("properties") && prevProps:
			// Two runs of properties in a row mean a nested sequence (one
			// of them; which is not recorded, and the two readings are
			// equivalent). Without explicit group occurs, inside an optional
			// or repeating sequence its own are masked, and a sequence
			// written only to group is rare, so it takes its parent's.
			n, err := c.sequence([]step{st}, ctx, false, nil)
			if err != nil {
				return nil, err
			}
			if !c.explicitGroups && nested && ctx.optional {
				n.set("minOccurs", "0")
			}
			if !c.explicitGroups && nested && ctx.repeated {
				n.set("maxOccurs", "unbounded")
			}
			seq.add(n) // and the run after it is the parent's again
		case s.Has("properties"):
			isProps = true
			els, err := c.elements(s, ptr, ctx)
			if err != nil {
				return nil, err
			}
			seq.add(els...)
		}
		prevProps = isProps
	}
	return seq, nil
}

func isAnyStep(s *obj) bool { t, _ := str(s, "@xsdType"); return t == "#any" }

// elements writes the properties of one step as elements.
func (c *converter) elements(s *obj, ptr string, ctx elemCtx) ([]*node, error) {
	props := object(s, "properties")
	var out []*node
	for _, k := range props.Keys() {
		p := object(props, k)
		if isTrue(p, "@xsdAttribute") {
			return nil, failAt(child(ptr, "properties", k), "attribute", ErrUnsupported, "attribute %q inside a content model", k)
		}
		ec := ctx
		ec.required = isRequired(s, k)
		e, err := c.element(k, p, child(ptr, "properties", k), ec)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// choice writes oneOf as an xs:choice, one branch per member.
func (c *converter) choice(s *obj, ptr string, ctx elemCtx) (*node, error) {
	ch := &node{name: c.ns.xs("choice")}
	if hasGroupOccurs(s) {
		c.groupOccurs(ch, s, ctx)
	}
	for i, x := range array(s, "oneOf") {
		b, ok := x.(*obj)
		bp := child(ptr, "oneOf", i)
		if !ok {
			return nil, failAt(bp, "oneOf", ErrInvalid, "member is not a schema object")
		}
		props := object(b, "properties")
		switch {
		case isGroupRef(b):
			n, err := c.groupRef(b, bp)
			if err != nil {
				return nil, err
			}
			ch.add(n)
		case b.Has("oneOf"):
			n, err := c.choice(b, bp, ctx)
			if err != nil {
				return nil, err
			}
			ch.add(n)
		case props != nil && props.Len() == 1 && !b.Has("allOf"):
			k := props.Keys()[0]
			ec := ctx
			ec.choice, ec.required = true, isRequired(b, k)
			e, err := c.element(k, object(props, k), child(bp, "properties", k), ec)
			if err != nil {
				return nil, err
			}
			ch.add(e)
		default:
			n, err := c.sequence(stepsOf(stripOccurs(b), bp), ctx, true, b)
			if err != nil {
				return nil, err
			}
			ch.add(n)
		}
	}
	return ch, nil
}

// all writes properties marked @xsdStructure "all" as xs:all.
func (c *converter) all(s *obj, ptr string) (*node, error) {
	a := &node{name: c.ns.xs("all")}
	if props := object(s, "properties"); props != nil {
		els, err := c.elements(s, ptr, elemCtx{})
		if err != nil {
			return nil, err
		}
		a.add(els...)
	}
	return a, nil
}
