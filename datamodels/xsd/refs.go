// SPDX-License-Identifier: MIT

package xsd

// refKind says which symbol space a reference points into.
type refKind uint8

const (
	refType refKind = iota + 1
	refElement
	refAttribute
	refGroup
	refAttributeGroup
)

func (k refKind) String() string {
	switch k {
	case refType:
		return "type"
	case refElement:
		return "element"
	case refAttribute:
		return "attribute"
	case refGroup:
		return "group"
	case refAttributeGroup:
		return "attribute group"
	}
	return "component"
}

// ref is one QName-valued reference found in a schema, with a pointer so
// chameleon includes can rewrite it in place.
type ref struct {
	name *QName
	kind refKind
	attr string
	at   Pos
}

// refs calls fn for every reference in the schema, in document order.
func (s *Schema) refs(fn func(ref)) {
	w := refWalker{fn: fn}
	for _, it := range s.Items {
		switch x := it.(type) {
		case *Element:
			w.element(x)
		case *Attribute:
			w.attribute(x)
		case *ComplexType:
			w.complexType(x)
		case *SimpleType:
			w.simpleType(x)
		case *Group:
			w.particle(x.Particle)
		case *AttributeGroup:
			w.attributes(x.Attributes)
		}
	}
}

type refWalker struct{ fn func(ref) }

func (w refWalker) add(q *QName, kind refKind, attr string, at Pos) {
	if !q.IsZero() {
		w.fn(ref{name: q, kind: kind, attr: attr, at: at})
	}
}

func (w refWalker) element(e *Element) {
	w.add(&e.Ref, refElement, "ref", e.Pos)
	w.add(&e.Type, refType, "type", e.Pos)
	w.add(&e.SubstitutionGroup, refElement, "substitutionGroup", e.Pos)
	if e.SimpleType != nil {
		w.simpleType(e.SimpleType)
	}
	if e.ComplexType != nil {
		w.complexType(e.ComplexType)
	}
}

func (w refWalker) particle(p Particle) {
	switch x := p.(type) {
	case *Element:
		w.element(x)
	case *ModelGroup:
		for _, c := range x.Particles {
			w.particle(c)
		}
	case *GroupRef:
		w.add(&x.Ref, refGroup, "ref", x.Pos)
	}
}

func (w refWalker) complexType(t *ComplexType) {
	if t.Content != nil {
		d := t.Content.Derived
		w.add(&d.Base, refType, "base", d.Pos)
		if d.SimpleType != nil {
			w.simpleType(d.SimpleType)
		}
		w.particle(d.Particle)
		w.attributes(d.Attributes)
	}
	w.particle(t.Particle)
	w.attributes(t.Attributes)
}

func (w refWalker) attributes(uses []AttributeUse) {
	for _, u := range uses {
		switch x := u.(type) {
		case *Attribute:
			w.attribute(x)
		case *AttributeGroupRef:
			w.add(&x.Ref, refAttributeGroup, "ref", x.Pos)
		}
	}
}

func (w refWalker) attribute(a *Attribute) {
	w.add(&a.Ref, refAttribute, "ref", a.Pos)
	w.add(&a.Type, refType, "type", a.Pos)
	if a.SimpleType != nil {
		w.simpleType(a.SimpleType)
	}
}

func (w refWalker) simpleType(t *SimpleType) {
	switch {
	case t.Restriction != nil:
		w.add(&t.Restriction.Base, refType, "base", t.Restriction.Pos)
		if t.Restriction.SimpleType != nil {
			w.simpleType(t.Restriction.SimpleType)
		}
	case t.List != nil:
		w.add(&t.List.ItemType, refType, "itemType", t.List.Pos)
		if t.List.SimpleType != nil {
			w.simpleType(t.List.SimpleType)
		}
	case t.Union != nil:
		for i := range t.Union.MemberTypes {
			w.add(&t.Union.MemberTypes[i], refType, "memberTypes", t.Union.Pos)
		}
		for _, st := range t.Union.SimpleTypes {
			w.simpleType(st)
		}
	}
}
