// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// Keywords of our own that xsdjson writes for what Altinn's dialect cannot
// hold; Altinn's tools ignore unknown keywords.
const (
	// kwRestrictionForeign holds the foreign attributes of a simple type's
	// xs:restriction, as @xsdUnhandledAttributes does for components.
	kwRestrictionForeign = "@xsdUnhandledRestrictionAttributes"
	// kwNamedType holds the type= of an element that also has an inline
	// restriction of that type: a built-in's local name or a $ref.
	kwNamedType = "@xsdNamedType"
)

// restrictionForeign writes the @xsdUnhandledRestrictionAttributes of s onto
// the xs:restriction r.
func (c *converter) restrictionForeign(r *node, s *obj, ptr string) error {
	if !s.Has(kwRestrictionForeign) {
		return nil
	}
	o := object(s, kwRestrictionForeign)
	if o == nil {
		return failAt(child(ptr, kwRestrictionForeign), kwRestrictionForeign, ErrInvalid, "not an object")
	}
	return c.foreignFrom(r, o, child(ptr, kwRestrictionForeign))
}

// namedType writes the @xsdNamedType of p as type= on e, whose inline
// simple type typ it names.
func (c *converter) namedType(e, typ *node, p *obj, ptr string) error {
	if !p.Has(kwNamedType) {
		return nil
	}
	at := child(ptr, kwNamedType)
	v, ok := str(p, kwNamedType)
	if !ok || v == "" {
		return failAt(at, kwNamedType, ErrInvalid, "not a type name")
	}
	if typ == nil || typ.name != c.ns.xs("simpleType") {
		return failAt(at, kwNamedType, ErrInvalid, "only an element with an inline simple type names a type beside it")
	}
	if !strings.HasPrefix(v, "#") {
		if _, builtin := jsonTypeOf(v); !builtin {
			return failAt(at, kwNamedType, ErrInvalid, "%q is not a built-in type or a $ref", v)
		}
		e.set("type", c.ns.builtin(v))
		return nil
	}
	r := jsonobj.New().Set("$ref", v)
	name, err := c.refName(r, "")
	if err != nil {
		return failAt(at, kwNamedType, ErrIncompatible, "%q does not point to a definition", v)
	}
	if !c.isSimple(c.def(name), map[string]bool{}) {
		return failAt(at, kwNamedType, ErrInvalid, "%q is not a simple type", v)
	}
	e.set("type", c.ns.ref(name))
	return nil
}
