// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/jsonobj"

	"math/big"
	"strconv"
	"strings"

	"github.com/blankett/blankett/datamodels/xsd"
)

// simpleTypeSchema converts a simple type into a schema of its own.
func (c *converter) simpleTypeSchema(t *xsd.SimpleType, optional, array bool) (*Object, error) {
	o := jsonobj.New()
	// Altinn drops a simple type's annotation; we keep it as on complex types.
	annotate(t.Annotation, o)
	if err := c.simpleType(t, optional, array, o); err != nil {
		return nil, err
	}
	if len(t.Foreign) > 0 {
		o.Set("@xsdUnhandledAttributes", unhandled(t.Foreign))
	}
	return o, nil
}

// simpleType writes a simple type's restriction or list onto o.
func (c *converter) simpleType(t *xsd.SimpleType, optional, array bool, o *Object) error {
	switch {
	case t.Restriction != nil:
		return c.simpleRestriction(t.Restriction, optional, array, o)
	case t.List != nil:
		return c.list(t.List, optional, array, o)
	}
	return failAt(t.Union.Pos, construct("xs:union", t.Name), ErrUnsupported, "unions have no form in Altinn's JSON Schema dialect")
}

func (c *converter) simpleRestriction(r *xsd.SimpleRestriction, optional, array bool, o *Object) error {
	min := 1
	if optional {
		min = 0
	}
	hasFacets := len(r.Facets) > 0
	// $ref may not stand beside other keywords, so facets on a user-defined
	// base go into a second allOf step.
	withAllOf := !(r.Base.IsBuiltin() && xsd.IsBuiltinType(r.Base.Local)) && hasFacets
	var st steps
	switch {
	case r.SimpleType != nil:
		if err := c.simpleType(r.SimpleType, optional, array, o); err != nil {
			return err
		}
	case withAllOf:
		base := jsonobj.New()
		if err := c.handleType(r.Pos, r.Base, min, 1, array, false, base); err != nil {
			return err
		}
		st.add(base)
	default:
		if err := c.handleType(r.Pos, r.Base, min, 1, array, false, o); err != nil {
			return err
		}
	}
	o.Set("@xsdStructure", "XmlSchemaSimpleTypeRestriction")
	if len(r.Foreign) > 0 {
		// Altinn keeps no attributes of the restriction itself; a keyword of
		// our own carries them back to XSD (Altinn's tools ignore it).
		o.Set("@xsdUnhandledRestrictionAttributes", unhandled(r.Foreign))
	}
	dateBase := r.SimpleType == nil && isDateType(r.Base.Local)
	if withAllOf {
		f := jsonobj.New()
		if err := facets(r.Facets, dateBase, true, f); err != nil {
			return err
		}
		st.add(f)
		st.build(o)
		return nil
	}
	return facets(r.Facets, dateBase, true, o)
}

func (c *converter) list(l *xsd.List, optional, array bool, o *Object) error {
	o.Set("type", "array")
	var (
		items *Object
		err   error
	)
	if l.SimpleType != nil {
		items, err = c.simpleTypeSchema(l.SimpleType, optional, array)
	} else {
		min := 1
		if optional {
			min = 0
		}
		items = jsonobj.New()
		err = c.handleType(l.Pos, l.ItemType, min, 1, false, false, items)
	}
	if err != nil {
		return err
	}
	o.Set("items", items)
	return nil
}

// facets maps XSD facets to JSON Schema keywords. dateBase selects the
// formatMinimum family for range facets; enumAttrs keeps foreign attributes
// on enumeration facets in @xsdUnhandledEnumAttributes.
func facets(fs []*xsd.Facet, dateBase, enumAttrs bool, o *Object) error {
	var enum []string
	enumExtra := jsonobj.New()
	for _, f := range fs {
		bad := func(what string) error {
			return failAt(f.Pos, "xs:"+f.Kind, ErrUnsupported, "value %q is not %s", f.Value, what)
		}
		switch f.Kind {
		case "enumeration":
			enum = append(enum, f.Value)
			if len(f.Foreign) > 0 {
				enumExtra.Set(f.Value, unhandled(f.Foreign))
			}
		case "pattern":
			o.Set("pattern", f.Value)
		case "length", "minLength", "maxLength", "totalDigits", "fractionDigits":
			n, err := strconv.ParseUint(f.Value, 10, 32)
			if err != nil {
				return bad("a non-negative integer")
			}
			switch f.Kind {
			case "length":
				o.Set("maxLength", n)
				o.Set("minLength", n)
			case "totalDigits":
				o.Set("totalDigits", n)
			case "fractionDigits":
				o.Set("multipleOf", multipleOf(n))
			default:
				o.Set(f.Kind, n)
			}
		case "minInclusive", "maxInclusive", "minExclusive", "maxExclusive":
			key := map[string]string{"minInclusive": "minimum", "maxInclusive": "maximum",
				"minExclusive": "exclusiveMinimum", "maxExclusive": "exclusiveMaximum"}[f.Kind]
			if dateBase {
				o.Set("format"+strings.ToUpper(key[:1])+key[1:], f.Value)
				continue
			}
			n, ok := decimalNumber(f.Value)
			if !ok {
				return bad("a decimal number")
			}
			o.Set(key, n)
		case "whiteSpace":
			// Altinn ignores whiteSpace; JSON has no whitespace normalisation.
		}
	}
	if len(enum) > 0 {
		if enumAttrs && enumExtra.Len() > 0 {
			o.Set("@xsdUnhandledEnumAttributes", enumExtra)
		}
		o.Set("enum", enum)
	}
	return nil
}

// multipleOf returns 10^-n as an exact decimal literal.
func multipleOf(n uint64) jsonobj.Number {
	if n == 0 {
		return "1"
	}
	return jsonobj.Number("0." + strings.Repeat("0", int(n)-1) + "1")
}

// decimalNumber checks an XSD decimal (or float) literal and writes it as a
// JSON number without loss.
func decimalNumber(s string) (jsonobj.Number, bool) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "/xXbBoO_") {
		return "", false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	if r.IsInt() {
		return jsonobj.Number(r.Num().String()), true
	}
	if f, exact := r.FloatPrec(); exact {
		return jsonobj.Number(r.FloatString(f)), true
	}
	v, _ := r.Float64()
	return jsonobj.Number(strconv.FormatFloat(v, 'g', -1, 64)), true
}
