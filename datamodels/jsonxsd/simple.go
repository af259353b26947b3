// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"math/big"
	"strings"
)

// facetKeywords are the keywords that become XSD facets.
var facetKeywords = []string{"enum", "pattern", "minLength", "maxLength", "totalDigits", "multipleOf",
	"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
	"formatMinimum", "formatMaximum", "formatExclusiveMinimum", "formatExclusiveMaximum"}

var rangeFacet = map[string]string{
	"minimum": "minInclusive", "maximum": "maxInclusive",
	"exclusiveMinimum": "minExclusive", "exclusiveMaximum": "maxExclusive",
	"formatMinimum": "minInclusive", "formatMaximum": "maxInclusive",
	"formatExclusiveMinimum": "minExclusive", "formatExclusiveMaximum": "maxExclusive",
}

func hasFacets(s *obj) bool {
	for _, k := range facetKeywords {
		if s.Has(k) {
			return true
		}
	}
	return false
}

// simpleTypeNode writes an xs:simpleType (named when name is set).
func (c *converter) simpleTypeNode(name string, s *obj, ptr string, claimMeta bool) (*node, error) {
	st := &node{name: c.ns.xs("simpleType")}
	if name != "" {
		st.set("name", name)
	}
	if claimMeta {
		if err := c.foreign(st, s, ptr); err != nil {
			return nil, err
		}
		st.add(c.annotation(s, ptr))
	}
	d, err := c.simpleDerivation(s, ptr)
	if err != nil {
		return nil, err
	}
	return st.add(d), nil
}

// simpleDerivation writes the xs:restriction or xs:list of a simple type.
func (c *converter) simpleDerivation(s *obj, ptr string) (*node, error) {
	if isArray(s) && structure(s) != restrictionMarker {
		return c.list(s, ptr)
	}
	r := &node{name: c.ns.xs("restriction")}
	src := []step{{s, ptr}}
	base := s
	if all := array(s, "allOf"); len(all) > 0 {
		src = stepsOf(s, ptr)
		base = src[0].o
		if isPlainRef(base) {
			src = src[1:]
		}
	}
	if isArray(base) {
		base = object(base, "items")
	}
	switch {
	case isPlainRef(base):
		name, err := c.typeRefName(base, ptr)
		if err != nil {
			return nil, err
		}
		r.set("base", c.ns.ref(name))
	default:
		b, ok := builtinOf(base)
		if !ok {
			b = "string"
		}
		if b == "double" && !base.Has("@xsdType") && (s.Has("multipleOf") || s.Has("totalDigits")) {
			b = "decimal" // the digit facets apply to decimals only
		}
		r.set("base", c.ns.builtin(b))
	}
	if err := c.restrictionForeign(r, s, ptr); err != nil {
		return nil, err
	}
	for _, f := range src {
		if err := c.facets(r, f.o, f.ptr); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (c *converter) list(s *obj, ptr string) (*node, error) {
	l := &node{name: c.ns.xs("list")}
	it, ip := object(s, "items"), child(ptr, "items")
	switch {
	case isPlainRef(it):
		name, err := c.typeRefName(it, ip)
		if err != nil {
			return nil, err
		}
		l.set("itemType", c.ns.ref(name))
	case !hasFacets(it) && !it.Has("allOf") && structure(it) != restrictionMarker:
		b, ok := builtinOf(it)
		if !ok {
			return nil, failAt(ip, "items", ErrUnsupported, "list items must be a simple type")
		}
		l.set("itemType", c.ns.builtin(b))
	default:
		st, err := c.simpleTypeNode("", it, ip, true)
		if err != nil {
			return nil, err
		}
		l.add(st)
	}
	return l, nil
}

// facets appends the facets written as keywords of s, in keyword order.
func (c *converter) facets(r *node, s *obj, ptr string) error {
	keys := s.Keys()
	for i, k := range keys {
		v := s.Value(k)
		at := child(ptr, k)
		facet := func(kind, value string) *node {
			f := &node{name: c.ns.xs(kind)}
			f.set("value", value)
			r.add(f)
			return f
		}
		switch k {
		case "enum":
			arr, ok := v.([]any)
			if !ok {
				return failAt(at, "enum", ErrInvalid, "enum is not an array")
			}
			extra := object(s, "@xsdUnhandledEnumAttributes")
			for j, x := range arr {
				lit, ok := literal(x)
				if !ok {
					if x == nil {
						continue
					}
					return failAt(child(at, j), "enum", ErrUnsupported, "enumeration value is not a string, number or boolean")
				}
				f := facet("enumeration", lit)
				if extra != nil {
					if a := object(extra, lit); a != nil {
						if err := c.foreignFrom(f, a, child(ptr, "@xsdUnhandledEnumAttributes", lit)); err != nil {
							return err
						}
					}
				}
			}
		case "pattern":
			p, ok := v.(string)
			if !ok {
				return failAt(at, k, ErrInvalid, "pattern is not a string")
			}
			facet("pattern", p)
		case "minLength", "maxLength", "totalDigits":
			n, ok := integer(v)
			if !ok {
				return failAt(at, k, ErrInvalid, "%s is not a non-negative integer", k)
			}
			lit, _ := literal(v)
			if k == "minLength" && i > 0 && keys[i-1] == "maxLength" && sameNumber(s.Value("maxLength"), v) {
				continue // written as length below
			}
			if k == "maxLength" && i+1 < len(keys) && keys[i+1] == "minLength" && sameNumber(s.Value("minLength"), v) {
				facet("length", lit)
				continue
			}
			_ = n
			facet(k, lit)
		case "multipleOf":
			d, ok := fractionDigits(v)
			if !ok {
				return failAt(at, k, ErrUnsupported, "multipleOf %v has no XSD facet; only 1 and 0.1, 0.01, … map to fractionDigits", v)
			}
			facet("fractionDigits", d)
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
			"formatMinimum", "formatMaximum", "formatExclusiveMinimum", "formatExclusiveMaximum":
			lit, ok := literal(v)
			if !ok {
				return failAt(at, k, ErrInvalid, "%s is not a number or string", k)
			}
			facet(rangeFacet[k], lit)
		}
	}
	return nil
}

func sameNumber(a, b any) bool {
	x, ok1 := integer(a)
	y, ok2 := integer(b)
	return ok1 && ok2 && x == y
}

// fractionDigits reads multipleOf 10^-n back as n.
func fractionDigits(v any) (string, bool) {
	lit, ok := literal(v)
	if !ok {
		return "", false
	}
	r, ok := new(big.Rat).SetString(lit)
	if !ok || r.Sign() <= 0 {
		return "", false
	}
	n := 0
	ten := big.NewRat(10, 1)
	for r.Cmp(big.NewRat(1, 1)) < 0 && n < 64 {
		r.Mul(r, ten)
		n++
	}
	if r.Cmp(big.NewRat(1, 1)) != 0 {
		return "", false
	}
	return strings.TrimSpace(big.NewInt(int64(n)).String()), true
}
