// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/xsd"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// complexTypeSchema converts a named complex type into a schema of its own.
func (c *converter) complexTypeSchema(t *xsd.ComplexType) (*Object, error) {
	o := jsonobj.New()
	return o, c.complexType(t, false, false, false, o)
}

// complexType writes a complex type onto o: its attributes first, then its
// content, each run of properties one allOf step. nillable comes from the
// element that holds an anonymous type.
func (c *converter) complexType(t *xsd.ComplexType, optional, array, nillable bool, o *Object) error {
	annotate(t.Annotation, o)
	if t.Mixed || (t.Content != nil && t.Content.Mixed != nil && *t.Content.Mixed) {
		return failAt(t.Pos, construct("xs:complexType", t.Name), ErrUnsupported, "mixed content has no JSON form")
	}
	var (
		st steps
		pr props
	)
	for _, u := range t.Attributes {
		switch x := u.(type) {
		case *xsd.Attribute:
			s, err := c.attribute(x, false, false)
			if err != nil {
				return err
			}
			if err := pr.add(x.Pos, attrName(x), s, x.Use == "required"); err != nil {
				return err
			}
		case *xsd.AttributeGroupRef:
			pr.flush(&st)
			st.add(groupRef(x.Annotation, x.Ref))
		}
	}
	pr.flush(&st)
	switch {
	case t.Content != nil:
		s := jsonobj.New()
		annotate(t.Content.Annotation, s)
		var err error
		if t.Content.Simple {
			err = c.simpleContent(t.Content.Derived, optional, array, s)
		} else {
			err = c.complexContent(t.Content.Derived, optional, array, s)
		}
		if err != nil {
			return err
		}
		st.add(s)
	case t.Particle != nil:
		s := jsonobj.New()
		if err := c.particle(t.Particle, optional, array, s); err != nil {
			return err
		}
		if g, ok := t.Particle.(*xsd.ModelGroup); ok && nillable && g.Kind == xsd.Sequence {
			s.Set("@xsdNillable", true)
		}
		st.add(s)
	}
	st.build(o)
	anyAttribute(t.AnyAttribute, o)
	if len(t.Foreign) > 0 {
		o.Set("@xsdUnhandledAttributes", unhandled(t.Foreign))
	}
	return nil
}

// particle writes the content model of a type or group.
func (c *converter) particle(p xsd.Particle, optional, array bool, o *Object) error {
	switch x := p.(type) {
	case *xsd.GroupRef:
		g := groupRef(x.Annotation, x.Ref)
		for _, k := range g.Keys() {
			o.Set(k, g.Value(k))
		}
		return nil
	case *xsd.ModelGroup:
		switch x.Kind {
		case xsd.Choice:
			return c.choice(x, optional, array, o)
		case xsd.All:
			return c.all(x, optional, array, o)
		}
		return c.sequence(x, optional, array, o)
	}
	return nil
}

func groupRef(a *xsd.Annotation, name xsd.QName) *Object {
	o := jsonobj.New()
	annotate(a, o)
	o.Set("$ref", ref(name.Local))
	o.Set("@xsdType", "#ref")
	return o
}

func attrName(a *xsd.Attribute) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Ref.Local
}

func elemName(e *xsd.Element) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Ref.Local
}

// anyAttribute writes @xsdAnyAttribute with .NET's spelling of the defaults.
func anyAttribute(a *xsd.AnyAttribute, o *Object) {
	if a == nil {
		return
	}
	w := jsonobj.New()
	if a.ID != "" {
		w.Set("Id", a.ID)
	}
	ns := a.Namespace
	if ns == "" {
		ns = "##any"
	}
	w.Set("Namespace", ns)
	pc := "None"
	switch a.ProcessContents {
	case "strict":
		pc = "Strict"
	case "lax":
		pc = "Lax"
	case "skip":
		pc = "Skip"
	}
	w.Set("ProcessContent", pc)
	o.Set("@xsdAnyAttribute", w)
}
