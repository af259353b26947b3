// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/xsd"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

func construct(kind, name string) string {
	if name == "" {
		return kind
	}
	return kind + ` "` + name + `"`
}

// element converts an element declaration or reference. optional and array
// are inherited from enclosing optional or repeating sequences.
func (c *converter) element(e *xsd.Element, optional, array bool) (*Object, error) {
	o := jsonobj.New()
	annotate(e.Annotation, o)
	if len(e.Constraints) > 0 {
		ic := e.Constraints[0]
		return nil, failAt(ic.Pos, construct("xs:"+ic.Kind, ic.Name), ErrUnsupported, "identity constraints have no JSON Schema form")
	}
	if e.SubstitutionGroup.Local != "" || e.Abstract {
		return nil, failAt(e.Pos, construct("xs:element", e.Name), ErrUnsupported, "substitution groups and abstract elements are not supported")
	}
	inlineSimple, inlineComplex := e.SimpleType, e.ComplexType
	typeName := e.Type
	var named string // the type= dropped for an inline restriction of it
	if !typeName.IsZero() && (inlineSimple != nil || inlineComplex != nil) {
		// Both type= and an inline type: keep the inline restriction when it
		// narrows the named type (the author's evident intent); otherwise
		// the element is ambiguous.
		if inlineSimple == nil || inlineSimple.Restriction == nil || inlineSimple.Restriction.Base.Key() != typeName.Key() {
			return nil, failAt(e.Pos, construct("xs:element", e.Name), ErrUnsupported, "type=%q and an inline type that does not restrict it", typeName)
		}
		named = namedType(typeName)
		typeName = xsd.QName{}
	}
	min := e.Min
	if optional {
		min = 0
	}
	switch {
	case !e.Ref.IsZero() && (array || e.Repeats()):
		// Altinn ignores maxOccurs on element references, so repeated
		// references would validate as one object; we make them arrays.
		if min > 0 {
			o.Set("minItems", min)
		}
		if e.Max > 1 {
			o.Set("maxItems", e.Max)
		}
		o.Set("type", "array")
		o.Set("items", jsonobj.New().Set("$ref", ref(e.Ref.Local)).Set("@xsdType", "#ref"))
	case !e.Ref.IsZero():
		o.Set("$ref", ref(e.Ref.Local))
		o.Set("@xsdType", "#ref")
	case !typeName.IsZero():
		if err := c.handleType(e.Pos, typeName, min, e.Max, array, e.Nillable, o); err != nil {
			return nil, err
		}
	default:
		items := o
		if e.Repeats() {
			items = jsonobj.New()
		}
		var err error
		switch {
		case inlineSimple != nil:
			err = c.simpleType(inlineSimple, optional, array, items)
		case inlineComplex != nil:
			err = c.complexType(inlineComplex, optional, array, e.Nillable, items)
		}
		if err != nil {
			return nil, err
		}
		if e.Repeats() {
			if e.Nillable {
				o.Set("type", []any{"array", "null"})
			} else {
				o.Set("type", "array")
			}
			if e.Min != 0 {
				o.Set("minItems", e.Min)
			}
			if e.Max != xsd.Unbounded {
				o.Set("maxItems", e.Max)
			}
			o.Set("items", items)
		}
	}
	// Altinn drops default and fixed on elements; we keep them as on attributes.
	if e.Default != nil {
		o.Set("default", *e.Default)
	}
	if e.Fixed != nil {
		o.Set("const", *e.Fixed)
	}
	if named != "" {
		// Altinn has no keyword for it; ours lets JSON → XSD write it back.
		o.Set("@xsdNamedType", named)
	}
	if len(e.Foreign) > 0 {
		o.Set("@xsdUnhandledAttributes", unhandled(e.Foreign))
	}
	carryOccurs(e.Occurs, o)
	return o, nil
}

// namedType spells a type name as the dialect does: a built-in by its local
// name (as @xsdType), a user type by its $ref.
func namedType(name xsd.QName) string {
	if name.IsBuiltin() {
		return name.Local
	}
	return ref(name.Local)
}

// carryOccurs copies explicitly written minOccurs/maxOccurs, so that JSON
// Schema → XSD can write them back.
func carryOccurs(oc xsd.Occurs, o *Object) {
	if oc.MinRaw != "" {
		o.Set("@xsdMinOccurs", oc.Min)
	}
	if oc.MaxRaw != "" {
		o.Set("@xsdMaxOccurs", oc.MaxRaw)
	}
}

// attribute converts an attribute declaration or reference.
func (c *converter) attribute(a *xsd.Attribute, optional, array bool) (*Object, error) {
	o := jsonobj.New()
	annotate(a.Annotation, o)
	switch {
	case !a.Ref.IsZero():
		o.Set("$ref", ref(a.Ref.Local))
		o.Set("@xsdType", "#ref")
	case !a.Type.IsZero():
		min := 1
		if optional || a.Use == "optional" {
			min = 0
		}
		if err := c.handleType(a.Pos, a.Type, min, 1, array, false, o); err != nil {
			return nil, err
		}
	case a.SimpleType != nil:
		if err := c.simpleType(a.SimpleType, optional, array, o); err != nil {
			return nil, err
		}
	}
	if a.Default != nil {
		o.Set("default", *a.Default)
	}
	if a.Fixed != nil {
		o.Set("const", *a.Fixed)
	}
	o.Set("@xsdAttribute", true)
	if len(a.Foreign) > 0 {
		o.Set("@xsdUnhandledAttributes", unhandled(a.Foreign))
	}
	return o, nil
}

// handleType writes a reference to a named type, as an array when the
// particle repeats.
func (c *converter) handleType(at xsd.Pos, name xsd.QName, min, max int, array, nillable bool, o *Object) error {
	if !array && max != xsd.Unbounded && max <= 1 {
		return c.typeRef(at, name, nillable, o)
	}
	items := jsonobj.New()
	if err := c.typeRef(at, name, nillable, items); err != nil {
		return err
	}
	if min > 0 {
		o.Set("minItems", min)
	}
	if max > 1 {
		o.Set("maxItems", max)
	}
	o.Set("type", "array")
	o.Set("items", items)
	return nil
}

// typeRef writes a built-in type as type/format/@xsdType, and a user type as $ref.
func (c *converter) typeRef(at xsd.Pos, name xsd.QName, nillable bool, o *Object) error {
	if !name.IsBuiltin() {
		o.Set("$ref", ref(name.Local))
		if nillable {
			o.Set("@xsdNillable", true)
		}
		return nil
	}
	o.Set("@xsdType", name.Local)
	if name.Local == "anyType" {
		// Altinn throws on anyType; any JSON value is the faithful reading.
		return nil
	}
	t, format, ok := builtinType(name.Local)
	if !ok {
		return failAt(at, name.String(), ErrUnsupported, "built-in type %s has no JSON Schema form", name.Local)
	}
	if nillable {
		o.Set("type", []any{t, "null"})
	} else {
		o.Set("type", t)
	}
	if format != "" {
		o.Set("format", format)
	}
	return nil
}
