// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/xsd"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// simpleContent writes simple content: the text becomes a "value" property,
// the attributes sibling properties.
func (c *converter) simpleContent(d *xsd.Derived, optional, array bool, o *Object) error {
	annotate(d.Annotation, o)
	min := 1
	if optional {
		min = 0
	}
	var (
		st steps
		pr props
	)
	if d.Kind == xsd.Extension {
		value := jsonobj.New().Set("@xsdText", true)
		if err := c.handleType(d.Pos, d.Base, min, 1, array, false, value); err != nil {
			return err
		}
		if err := pr.add(d.Pos, "value", value, true); err != nil {
			return err
		}
	} else {
		// A restriction refines a complex type with simple content: $ref to
		// it, plus the restricted value.
		base := jsonobj.New()
		if err := c.handleType(d.Pos, d.Base, min, 1, array, false, base); err != nil {
			return err
		}
		st.add(base)
		restr := jsonobj.New()
		if err := facets(d.Facets, false, false, restr); err != nil {
			return err
		}
		value := restr
		if d.SimpleType != nil {
			inner := jsonobj.New()
			if err := c.simpleType(d.SimpleType, optional, array, inner); err != nil {
				return err
			}
			all := []any{inner}
			if restr.Len() > 0 {
				all = append(all, restr)
			}
			value = jsonobj.New().Set("allOf", all)
		}
		if err := pr.add(d.Pos, "value", value, false); err != nil {
			return err
		}
	}
	if err := c.attributes(d.Attributes, optional, array, &st, &pr); err != nil {
		return err
	}
	pr.flush(&st)
	st.build(o)
	anyAttribute(d.AnyAttribute, o)
	return nil
}

// complexContent writes an extension or restriction of a complex type as
// allOf [$ref base, own particle, own attributes].
func (c *converter) complexContent(d *xsd.Derived, optional, array bool, o *Object) error {
	annotate(d.Annotation, o)
	min := 1
	if optional {
		min = 0
	}
	var (
		st steps
		pr props
	)
	base := jsonobj.New()
	if err := c.handleType(d.Pos, d.Base, min, 1, array, false, base); err != nil {
		return err
	}
	st.add(base)
	if d.Particle != nil {
		s := jsonobj.New()
		var err error
		if g, ok := d.Particle.(*xsd.ModelGroup); ok && g.Kind == xsd.Sequence {
			// Altinn resets optional and array for the sequence of a derivation.
			err = c.sequence(g, false, false, s)
		} else {
			err = c.particle(d.Particle, optional, array, s)
		}
		if err != nil {
			return err
		}
		st.add(s)
	}
	if err := c.attributes(d.Attributes, optional, array, &st, &pr); err != nil {
		return err
	}
	pr.flush(&st)
	st.build(o)
	anyAttribute(d.AnyAttribute, o)
	return nil
}

// attributes adds attribute uses to the current properties, and attribute
// group references as steps of their own.
func (c *converter) attributes(uses []xsd.AttributeUse, optional, array bool, st *steps, pr *props) error {
	for _, u := range uses {
		switch x := u.(type) {
		case *xsd.Attribute:
			s, err := c.attribute(x, optional, array)
			if err != nil {
				return err
			}
			// Altinn drops use="required" when the element is optional;
			// the attribute is required whenever its element is present.
			if err := pr.add(x.Pos, attrName(x), s, x.Use == "required"); err != nil {
				return err
			}
		case *xsd.AttributeGroupRef:
			pr.flush(st)
			st.add(groupRef(x.Annotation, x.Ref))
		}
	}
	return nil
}

// attributeGroup converts a named attribute group. Altinn drops its
// anyAttribute; we keep it as @xsdAnyAttribute.
func (c *converter) attributeGroup(g *xsd.AttributeGroup) (*Object, error) {
	o := jsonobj.New()
	annotate(g.Annotation, o)
	var (
		st steps
		pr props
	)
	if err := c.attributes(g.Attributes, false, false, &st, &pr); err != nil {
		return nil, err
	}
	pr.flush(&st)
	st.build(o)
	anyAttribute(g.AnyAttribute, o)
	if len(g.Foreign) > 0 {
		o.Set("@xsdUnhandledAttributes", unhandled(g.Foreign))
	}
	return o, nil
}
