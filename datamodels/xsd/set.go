// SPDX-License-Identifier: MIT

package xsd

// Set is a loaded schema with every document it includes or imports, and its
// global components indexed by qualified name.
type Set struct {
	// Main is the schema Load was asked for.
	Main *Schema
	// Schemas are all loaded documents, Main first.
	Schemas []*Schema

	elements        map[QName]*Element
	attributes      map[QName]*Attribute
	complexTypes    map[QName]*ComplexType
	simpleTypes     map[QName]*SimpleType
	groups          map[QName]*Group
	attributeGroups map[QName]*AttributeGroup
}

// Element returns the global element named q.
func (s *Set) Element(q QName) *Element { return s.elements[q.Key()] }

// Attribute returns the global attribute named q.
func (s *Set) Attribute(q QName) *Attribute { return s.attributes[q.Key()] }

// ComplexType returns the named complex type q.
func (s *Set) ComplexType(q QName) *ComplexType { return s.complexTypes[q.Key()] }

// SimpleType returns the named simple type q.
func (s *Set) SimpleType(q QName) *SimpleType { return s.simpleTypes[q.Key()] }

// Group returns the named model group q.
func (s *Set) Group(q QName) *Group { return s.groups[q.Key()] }

// AttributeGroup returns the named attribute group q.
func (s *Set) AttributeGroup(q QName) *AttributeGroup { return s.attributeGroups[q.Key()] }

// NewSet indexes a single parsed schema that has no includes or imports and
// checks its references, as Load does for files.
func NewSet(s *Schema) (*Set, error) {
	for _, it := range s.Items {
		switch x := it.(type) {
		case *Include:
			return nil, errAt(x.Pos, "xs:include", ErrUnsupported, "schemaLocation %q: use Load with an fs.FS to follow includes", x.SchemaLocation)
		case *Import:
			if x.SchemaLocation != "" {
				return nil, errAt(x.Pos, "xs:import", ErrUnsupported, "schemaLocation %q: use Load with an fs.FS to follow imports", x.SchemaLocation)
			}
		}
	}
	return newSet(s, []*Schema{s})
}

func newSet(main *Schema, all []*Schema) (*Set, error) {
	s := &Set{
		Main: main, Schemas: all,
		elements: map[QName]*Element{}, attributes: map[QName]*Attribute{},
		complexTypes: map[QName]*ComplexType{}, simpleTypes: map[QName]*SimpleType{},
		groups: map[QName]*Group{}, attributeGroups: map[QName]*AttributeGroup{},
	}
	for _, sc := range all {
		if err := s.index(sc); err != nil {
			return nil, err
		}
	}
	for _, sc := range all {
		if err := s.check(sc); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) index(sc *Schema) error {
	for _, it := range sc.Items {
		var (
			name string
			dup  bool
		)
		q := func(local string) QName { name = local; return QName{Space: sc.TargetNamespace, Local: local} }
		switch x := it.(type) {
		case *Element:
			k := q(x.Name)
			_, dup = s.elements[k]
			s.elements[k] = x
		case *Attribute:
			k := q(x.Name)
			_, dup = s.attributes[k]
			s.attributes[k] = x
		case *ComplexType:
			k := q(x.Name)
			_, dup = s.complexTypes[k]
			_, dup2 := s.simpleTypes[k]
			dup = dup || dup2
			s.complexTypes[k] = x
		case *SimpleType:
			k := q(x.Name)
			_, dup = s.simpleTypes[k]
			_, dup2 := s.complexTypes[k]
			dup = dup || dup2
			s.simpleTypes[k] = x
		case *Group:
			k := q(x.Name)
			_, dup = s.groups[k]
			s.groups[k] = x
		case *AttributeGroup:
			k := q(x.Name)
			_, dup = s.attributeGroups[k]
			s.attributeGroups[k] = x
		}
		if dup {
			return errAt(it.Position(), name, ErrInvalid, "%q is declared more than once", name)
		}
	}
	return nil
}

// check verifies that every reference in sc names a declared component, so
// converters can look components up without failing.
func (s *Set) check(sc *Schema) error {
	var first error
	sc.refs(func(r ref) {
		if first != nil {
			return
		}
		k := r.name.Key()
		ok := false
		switch r.kind {
		case refType:
			ok = (k.Space == NamespaceXSD && IsBuiltinType(k.Local)) || s.complexTypes[k] != nil || s.simpleTypes[k] != nil
		case refElement:
			ok = s.elements[k] != nil
		case refAttribute:
			ok = s.attributes[k] != nil || isXMLAttribute(k)
		case refGroup:
			ok = s.groups[k] != nil
		case refAttributeGroup:
			ok = s.attributeGroups[k] != nil
		}
		if !ok {
			first = errAt(r.at, r.attr+`="`+r.name.String()+`"`, ErrInvalid, "%s %s is not declared%s", r.kind, describe(*r.name), hint(sc, *r.name))
		}
	})
	return first
}

func describe(q QName) string {
	if q.Space == "" {
		return `"` + q.Local + `" (in no namespace)`
	}
	return `"` + q.Local + `" in namespace "` + q.Space + `"`
}

func hint(sc *Schema, q QName) string {
	if q.Space == "" && sc.TargetNamespace != "" {
		return `; the schema's targetNamespace is "` + sc.TargetNamespace + `", so the reference needs a prefix bound to it or a default xmlns`
	}
	return ""
}

// Warnings returns the tolerated rule violations of all loaded documents.
func (s *Set) Warnings() []*Error {
	var out []*Error
	for _, sc := range s.Schemas {
		out = append(out, sc.Warnings...)
	}
	return out
}
