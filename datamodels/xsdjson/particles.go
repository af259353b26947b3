// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/xsd"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// sequence writes a sequence: runs of elements become properties, and each
// nested group, choice, sequence or wildcard its own allOf step. An optional
// or repeating sequence makes its elements optional or arrays.
func (c *converter) sequence(g *xsd.ModelGroup, optional, array bool, o *Object) error {
	optional = optional || g.Min == 0
	array = array || g.Repeats()
	annotate(g.Annotation, o)
	var (
		st steps
		pr props
	)
	for _, p := range g.Particles {
		switch x := p.(type) {
		case *xsd.Element:
			s, err := c.element(x, optional, array)
			if err != nil {
				return err
			}
			if err := pr.add(x.Pos, elemName(x), s, !optional && x.Min > 0); err != nil {
				return err
			}
		case *xsd.GroupRef:
			pr.flush(&st)
			st.add(groupRef(x.Annotation, x.Ref))
		case *xsd.ModelGroup:
			pr.flush(&st)
			s := jsonobj.New()
			var err error
			if x.Kind == xsd.Choice {
				err = c.choice(x, optional, array, s)
			} else if x.Kind == xsd.Sequence {
				err = c.sequence(x, optional, array, s)
			}
			if err != nil {
				return err
			}
			st.add(s)
		case *xsd.Any:
			pr.flush(&st)
			st.add(jsonobj.New().Set("@xsdType", "#any"))
		}
	}
	pr.flush(&st)
	st.build(o)
	// Altinn drops the occurs of a sequence (its elements become arrays); we
	// keep explicit ones, so that XML can be written with a repeating
	// sequence's elements interleaved again.
	carryOccurs(g.Occurs, o)
	return nil
}

// choice writes a choice as oneOf, one branch per member.
func (c *converter) choice(g *xsd.ModelGroup, optional, array bool, o *Object) error {
	annotate(g.Annotation, o)
	var branches []any
	for _, p := range g.Particles {
		b := jsonobj.New()
		switch x := p.(type) {
		case *xsd.Element:
			s, err := c.element(x, optional, array)
			if err != nil {
				return err
			}
			name := elemName(x)
			b.Set("properties", jsonobj.New().Set(name, s))
			if x.Min > 0 {
				b.Set("required", []string{name})
			}
		case *xsd.GroupRef:
			b = groupRef(x.Annotation, x.Ref)
		case *xsd.ModelGroup:
			var err error
			if x.Kind == xsd.Choice {
				err = c.choice(x, optional, array, b)
			} else {
				err = c.sequence(x, optional, array, b)
			}
			if err != nil {
				return err
			}
		case *xsd.Any:
			return failAt(x.Pos, "xs:any", ErrUnsupported, "xs:any inside xs:choice has no form in Altinn's JSON Schema dialect")
		}
		branches = append(branches, b)
	}
	if len(branches) > 0 {
		o.Set("oneOf", branches)
	}
	// Altinn drops the occurs of a choice; we keep explicit ones beside its
	// oneOf, so that an optional choice validates when empty.
	carryOccurs(g.Occurs, o)
	return nil
}

// all writes xs:all as plain properties marked @xsdStructure "all".
func (c *converter) all(g *xsd.ModelGroup, optional, array bool, o *Object) error {
	annotate(g.Annotation, o)
	var pr props
	for _, p := range g.Particles {
		e := p.(*xsd.Element)
		s, err := c.element(e, optional, array)
		if err != nil {
			return err
		}
		if err := pr.add(e.Pos, elemName(e), s, !optional && e.Min > 0); err != nil {
			return err
		}
	}
	pr.build(o)
	o.Set("@xsdStructure", "all")
	return nil
}

// group converts a named model group.
func (c *converter) group(g *xsd.Group, o *Object) error {
	annotate(g.Annotation, o)
	return c.particle(g.Particle, false, false, o)
}
