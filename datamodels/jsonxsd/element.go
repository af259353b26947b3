// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strconv"
)

// elemCtx is what the enclosing content model says about an element.
type elemCtx struct {
	required bool
	global   bool
	choice   bool // a branch of a choice: required mirrors minOccurs
	optional bool // inside a sequence written back as minOccurs="0"
	repeated bool // inside a sequence written back as repeating
}

// element writes an xs:element for the property name with schema p.
func (c *converter) element(name string, p *obj, ptr string, ctx elemCtx) (*node, error) {
	e := &node{name: c.ns.xs("element")}
	if !isNCName(name) {
		return nil, failAt(ptr, "property", ErrUnsupported, "%q is not an XML name", name)
	}
	s, sp, arr := p, ptr, false
	// A restriction marked array is one whose base became an array in a
	// repeating sequence; the element itself does not repeat.
	if isArray(p) && structure(p) != restrictionMarker {
		s, sp, arr = object(p, "items"), child(ptr, "items"), true
		if s == nil {
			return nil, failAt(child(ptr, "items"), "items", ErrUnsupported, "items must be one schema")
		}
	}
	if t, _ := mainType(p); t == "array" && !p.Has("items") {
		return nil, failAt(ptr, `"type": "array"`, ErrUnsupported, "an array needs items to become a repeating element")
	}
	_, nullArr := mainType(p)
	var (
		typ       *node
		isRef     bool
		nillable  = isTrue(p, "@xsdNillable") || (arr && (nullArr || isTrue(s, "@xsdNillable")))
		claimMeta = arr // an array's items hold the type's own annotation
	)
	switch {
	case s.Has("$ref") && (isGroupRef(s) || c.kindOfRef(s) == kindElement):
		target, err := c.refName(s, sp)
		if err != nil {
			return nil, err
		}
		if ctx.global {
			return nil, failAt(sp, "$ref", ErrUnsupported, "a global element cannot be a reference to another element")
		}
		e.set("ref", c.ns.ref(target))
		isRef = true
	case isPlainRef(s):
		target, err := c.typeRefName(s, sp)
		if err != nil {
			return nil, err
		}
		e.set("name", name).set("type", c.ns.ref(target))
	case c.isBuiltinUse(s):
		b, _ := builtinOf(s)
		if _, null := mainType(s); null {
			nillable = true
		}
		e.set("name", name).set("type", c.ns.builtin(b))
	case c.isSimple(s, map[string]bool{}):
		e.set("name", name)
		if _, null := mainType(s); null {
			nillable = true
		}
		st, err := c.simpleTypeNode("", s, sp, claimMeta)
		if err != nil {
			return nil, err
		}
		typ = st
	case isEmptyElement(s):
		e.set("name", name)
		if t, _ := str(s, "@xsdType"); t == "anyType" {
			e.set("type", c.ns.builtin("anyType"))
		}
	default:
		e.set("name", name)
		ct, err := c.complexTypeNode("", s, sp, claimMeta)
		if err != nil {
			return nil, err
		}
		typ = ct
	}
	if err := c.namedType(e, typ, p, ptr); err != nil {
		return nil, err
	}
	if !ctx.global {
		if err := c.occurs(e, p, ptr, arr, ctx); err != nil {
			return nil, err
		}
	}
	if nillable && !isRef {
		e.set("nillable", "true")
	}
	for _, k := range []string{"default", "const"} {
		if v, ok := literal(p.Value(k)); ok && !isRef {
			e.set(map[string]string{"default": "default", "const": "fixed"}[k], v)
		}
	}
	if err := c.foreign(e, p, ptr); err != nil {
		return nil, err
	}
	e.add(c.annotation(p, ptr), typ)
	return e, nil
}

func (c *converter) kindOfRef(s *obj) defKind {
	name, err := c.refName(s, "")
	if err != nil {
		return kindComplexType
	}
	return c.kinds[name]
}

// isBuiltinUse reports whether s just names a built-in type.
func (c *converter) isBuiltinUse(s *obj) bool {
	if hasFacets(s) || s.Has("allOf") || s.Has("oneOf") || s.Has("properties") || s.Has("$ref") || s.Has("@xsdStructure") {
		return false
	}
	if t, _ := mainType(s); t == "array" || t == "object" {
		return false
	}
	if t, _ := str(s, "@xsdType"); t == "anyType" {
		return false
	}
	_, ok := builtinOf(s)
	return ok
}

// isEmptyElement reports whether s says nothing about the element's type.
func isEmptyElement(s *obj) bool {
	for _, k := range s.Keys() {
		switch k {
		case "$comment", "description", "title", "default", "const", "@xsdNillable", "@xsdUnhandledAttributes",
			"@xsdMinOccurs", "@xsdMaxOccurs", "minItems", "maxItems", "examples":
		case "@xsdType":
			if t, _ := str(s, k); t != "anyType" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// occurs writes minOccurs/maxOccurs. Explicit @xsdMinOccurs/@xsdMaxOccurs
// win; otherwise required and the array keywords decide.
func (c *converter) occurs(e *node, p *obj, ptr string, arr bool, ctx elemCtx) error {
	minRaw, hasMin := p.Get("@xsdMinOccurs")
	maxRaw, hasMax := p.Get("@xsdMaxOccurs")
	xmin, okMin := integer(minRaw)
	if hasMin && !okMin {
		return failAt(child(ptr, "@xsdMinOccurs"), "@xsdMinOccurs", ErrInvalid, "not a non-negative integer")
	}
	minItems, hasMinItems := integer(p.Value("minItems"))
	min := 1
	switch {
	case ctx.choice || ctx.optional:
		switch {
		case hasMin:
			min = xmin
		case ctx.choice && !ctx.required:
			min = 0
		}
	case !ctx.required:
		min = 0
	case hasMin:
		min = max(xmin, 1)
	case arr && hasMinItems:
		min = max(minItems, 1)
	}
	max := 1 // -1 is unbounded
	switch {
	case hasMax:
		lit, _ := literal(maxRaw)
		if lit == "unbounded" {
			max = -1
		} else if n, ok := integer(maxRaw); ok {
			max = n
		} else {
			return failAt(child(ptr, "@xsdMaxOccurs"), "@xsdMaxOccurs", ErrInvalid, "not a non-negative integer or unbounded")
		}
	case arr && !ctx.repeated:
		max = -1
		if n, ok := integer(p.Value("maxItems")); ok {
			max = n
		}
	}
	if max >= 0 && min > max {
		return failAt(ptr, "property", ErrInvalid, "minimum occurrences %d exceed the maximum %d", min, max)
	}
	if hasMin || min != 1 {
		e.set("minOccurs", strconv.Itoa(min))
	}
	switch {
	case max < 0:
		e.set("maxOccurs", "unbounded")
	case hasMax || max != 1:
		e.set("maxOccurs", strconv.Itoa(max))
	}
	return nil
}

// attribute writes an xs:attribute for the property name with schema p.
func (c *converter) attribute(name string, p *obj, ptr string, required, global bool) (*node, error) {
	a := &node{name: c.ns.xs("attribute")}
	if !isNCName(name) {
		return nil, failAt(ptr, "attribute", ErrUnsupported, "%q is not an XML name", name)
	}
	var typ *node
	switch {
	case isGroupRef(p):
		target, err := c.refName(p, ptr)
		if err != nil {
			return nil, err
		}
		a.set("ref", c.ns.ref(target))
	case isPlainRef(p):
		target, err := c.typeRefName(p, ptr)
		if err != nil {
			return nil, err
		}
		a.set("name", name).set("type", c.ns.ref(target))
	case c.isBuiltinUse(p):
		b, _ := builtinOf(p)
		a.set("name", name).set("type", c.ns.builtin(b))
	case c.isSimple(p, map[string]bool{}):
		a.set("name", name)
		st, err := c.simpleTypeNode("", p, ptr, false)
		if err != nil {
			return nil, err
		}
		typ = st
	default:
		a.set("name", name)
		if p.Has("properties") || p.Has("oneOf") || p.Has("allOf") || p.Has("items") {
			return nil, failAt(ptr, "attribute", ErrUnsupported, "an attribute must have a simple type")
		}
	}
	use := required && !global
	if use {
		a.set("use", "required")
	}
	fixed, hasFixed := literal(p.Value("const"))
	// XSD allows a default only on an optional attribute (a required one is
	// always present, so it could never apply) and never beside fixed: there the
	// default is dropped.
	if v, ok := literal(p.Value("default")); ok && !use && !hasFixed {
		a.set("default", v)
	}
	if hasFixed {
		a.set("fixed", fixed)
	}
	if err := c.foreign(a, p, ptr); err != nil {
		return nil, err
	}
	a.add(c.annotation(p, ptr), typ)
	return a, nil
}
