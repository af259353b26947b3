// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strings"
)

// defKind is what a named $def becomes in the XSD. The dialect does not say;
// classify infers it.
type defKind int

const (
	kindComplexType defKind = iota
	kindSimpleType
	kindElement
	kindAttribute
	kindGroup
	kindAttributeGroup
)

func (k defKind) String() string {
	return [...]string{"complexType", "simpleType", "element", "attribute", "group", "attributeGroup"}[k]
}

// uses records how a def is referenced.
type uses uint8

const (
	useType uses = 1 << iota
	useElement
	useAttribute
	useGroup
)

func (c *converter) loadDefs() error {
	for _, k := range []string{"$defs", "definitions"} {
		if !c.doc.Has(k) {
			continue
		}
		d := object(c.doc, k)
		if d == nil {
			return failAt(child("#", k), k, ErrInvalid, "%s is not an object", k)
		}
		if c.defs != nil {
			return failAt(child("#", k), k, ErrUnsupported, "both $defs and definitions are present")
		}
		c.defs, c.defsKey = d, k
	}
	for _, name := range c.defNames() {
		if object(c.defs, name) == nil {
			return failAt(child("#", c.defsKey, name), "$def", ErrInvalid, "definition %q is not a schema object", name)
		}
		if !isNCName(name) {
			return failAt(child("#", c.defsKey, name), "$def", ErrUnsupported, "definition name %q is not an XML name", name)
		}
	}
	return nil
}

func (c *converter) defNames() []string {
	if c.defs == nil {
		return nil
	}
	return c.defs.Keys()
}

func (c *converter) def(name string) *obj {
	if c.defs == nil {
		return nil
	}
	return object(c.defs, name)
}

// refName resolves a $ref to the name of a $def.
func (c *converter) refName(s *obj, ptr string) (string, error) {
	r, _ := str(s, "$ref")
	for _, k := range []string{"$defs", "definitions"} {
		if rest, ok := strings.CutPrefix(r, "#/"+k+"/"); ok && k == c.defsKey && !strings.Contains(rest, "/") {
			name := strings.NewReplacer("~1", "/", "~0", "~").Replace(rest)
			if c.def(name) != nil {
				return name, nil
			}
		}
	}
	return "", failAt(child(ptr, "$ref"), `$ref "`+r+`"`, ErrIncompatible, "reference does not point to a definition under #/%s", c.defsKeyOr())
}

// typeRefName resolves a $ref used as a type (an element's or attribute's type,
// a derivation's base, a list's item type). A def the schema's other
// references made an element, attribute or group is refused: the XSD would
// name a type nobody declares.
func (c *converter) typeRefName(s *obj, ptr string) (string, error) {
	name, err := c.refName(s, ptr)
	if err != nil {
		return "", err
	}
	if k := c.kinds[name]; k != kindComplexType && k != kindSimpleType {
		return "", failAt(child(ptr, "$ref"), "$ref", ErrUnsupported, "reference to %s %q where a type is expected", k, name)
	}
	return name, nil
}

func (c *converter) defsKeyOr() string {
	if c.defsKey == "" {
		return "$defs"
	}
	return c.defsKey
}

func isGroupRef(s *obj) bool {
	t, _ := str(s, "@xsdType")
	return s.Has("$ref") && t == "#ref"
}

// classify decides the kind of every $def from its references and shape.
func (c *converter) classify() error {
	used := map[string]uses{}
	var walk func(s *obj, ptr string, property, attribute bool) error
	walk = func(s *obj, ptr string, property, attribute bool) error {
		if err := checkShape(s, ptr); err != nil {
			return err
		}
		if s.Has("$ref") {
			name, err := c.refName(s, ptr)
			if err != nil {
				return err
			}
			switch {
			case isGroupRef(s) && property && attribute:
				used[name] |= useAttribute
			case isGroupRef(s) && property:
				used[name] |= useElement
			case isGroupRef(s):
				used[name] |= useGroup
			default:
				used[name] |= useType
			}
		}
		if props := object(s, "properties"); props != nil {
			for _, k := range props.Keys() {
				p := object(props, k)
				if p == nil {
					return failAt(child(ptr, "properties", k), "property", ErrInvalid, "property %q is not a schema object", k)
				}
				if err := walk(p, child(ptr, "properties", k), true, isTrue(p, "@xsdAttribute")); err != nil {
					return err
				}
			}
		}
		if it := object(s, "items"); it != nil {
			if err := walk(it, child(ptr, "items"), property, attribute); err != nil {
				return err
			}
		}
		for _, k := range []string{"allOf", "oneOf", "anyOf"} {
			for i, x := range array(s, k) {
				sub, ok := x.(*obj)
				if !ok {
					return failAt(child(ptr, k, i), k, ErrInvalid, "member is not a schema object")
				}
				if hasGroupOccurs(sub) {
					c.explicitGroups = true // xsdjson writes the occurs of sequences and choices
				}
				if err := walk(sub, child(ptr, k, i), false, false); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(c.doc, "#", false, false); err != nil {
		return err
	}
	for _, name := range c.defNames() {
		if err := walk(c.def(name), child("#", c.defsKey, name), false, false); err != nil {
			return err
		}
	}
	c.kinds = map[string]defKind{}
	for _, name := range c.defNames() {
		d, u := c.def(name), used[name]
		switch {
		case u&useElement != 0:
			c.kinds[name] = kindElement
		case u&useAttribute != 0:
			c.kinds[name] = kindAttribute
		case u&useGroup != 0 && c.attributesOnly(d, map[string]bool{}):
			c.kinds[name] = kindAttributeGroup
		case u&useGroup != 0:
			c.kinds[name] = kindGroup
		case u == 0 && isTrue(d, "@xsdAttribute"):
			c.kinds[name] = kindAttribute
		case u == 0 && c.elementShape(d):
			c.kinds[name] = kindElement
		case c.isSimple(d, map[string]bool{}):
			c.kinds[name] = kindSimpleType
		default:
			c.kinds[name] = kindComplexType
		}
	}
	return nil
}

// checkShape makes sure the keywords the converter descends into have the
// JSON types JSON Schema gives them.
func checkShape(s *obj, ptr string) error {
	bad := func(k, what string) error {
		return failAt(child(ptr, k), k, ErrInvalid, "%s must be %s", k, what)
	}
	for _, k := range []string{"properties", "@xsdUnhandledAttributes", "@xsdAnyAttribute", "@xsdUnhandledEnumAttributes", kwRestrictionForeign} {
		if s.Has(k) && object(s, k) == nil {
			return bad(k, "an object")
		}
	}
	if s.Has("items") && object(s, "items") == nil {
		return failAt(child(ptr, "items"), "items", ErrUnsupported, "items must be one schema object; tuples have no XSD form")
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf", "required", "enum"} {
		if _, ok := s.Value(k).([]any); s.Has(k) && !ok {
			return bad(k, "an array")
		}
	}
	for _, x := range array(s, "required") {
		if _, ok := x.(string); !ok {
			return bad("required", "an array of names")
		}
	}
	if _, ok := s.Value("$ref").(string); s.Has("$ref") && !ok {
		return bad("$ref", "a string")
	}
	return nil
}

// elementShape reports whether an unreferenced def can only be a global
// element: a bare type reference, a built-in type without the restriction
// marker every simple type carries, or element-only keywords.
func (c *converter) elementShape(d *obj) bool {
	if d.Has("@xsdNillable") || d.Has("const") || d.Has("default") {
		return true
	}
	if d.Has("$ref") && !isGroupRef(d) && !d.Has("@xsdStructure") && !d.Has("allOf") {
		return true
	}
	t, _ := str(d, "@xsdType")
	return t != "" && t != "#ref" && t != "#any" && !d.Has("@xsdStructure") && !isArray(d)
}

// isSimple reports whether a schema describes a simple type.
func (c *converter) isSimple(s *obj, seen map[string]bool) bool {
	if st, _ := str(s, "@xsdStructure"); st == "XmlSchemaSimpleTypeRestriction" {
		return true
	}
	if s.Has("properties") || s.Has("oneOf") || s.Has("anyOf") || s.Has("@xsdAnyAttribute") || isGroupRef(s) {
		return false
	}
	if t, _ := str(s, "@xsdType"); t == "#any" || t == "anyType" {
		return false
	}
	if s.Has("$ref") {
		name, err := c.refName(s, "")
		if err != nil || seen[name] {
			return false
		}
		seen[name] = true
		return c.isSimple(c.def(name), seen)
	}
	if isArray(s) {
		return c.isSimple(object(s, "items"), seen)
	}
	if all := array(s, "allOf"); len(all) > 0 {
		for _, x := range all {
			sub, ok := x.(*obj)
			if !ok || !c.isSimple(sub, seen) {
				return false
			}
		}
		return true
	}
	switch t, _ := mainType(s); t {
	case "string", "number", "integer", "boolean":
		return true
	case "object", "array":
		return false
	}
	for _, k := range facetKeywords {
		if s.Has(k) {
			return true
		}
	}
	return false
}

// attributesOnly reports whether a group-referenced def holds attributes
// only, which makes it an attribute group.
func (c *converter) attributesOnly(s *obj, seen map[string]bool) bool {
	found := s.Has("@xsdAnyAttribute")
	for _, st := range stepsOf(s, "") {
		switch {
		case isGroupRef(st.o):
			name, err := c.refName(st.o, "")
			if err != nil || seen[name] {
				return false
			}
			seen[name] = true
			if !c.attributesOnly(c.def(name), seen) {
				return false
			}
			found = true
		case st.o.Has("oneOf") || st.o.Has("allOf") || st.o.Has("@xsdType"):
			return false
		default:
			props := object(st.o, "properties")
			if props == nil {
				continue
			}
			for _, k := range props.Keys() {
				if p := object(props, k); p == nil || !isTrue(p, "@xsdAttribute") {
					return false
				}
				found = true
			}
		}
	}
	return found
}
