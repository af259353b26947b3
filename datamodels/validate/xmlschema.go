// SPDX-License-Identifier: MIT

package validate

import (
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// ValidateXML checks values that xmljson read, and the reader already
// guarantees part of what the schema says: a non-nillable element or
// attribute of a simple string type is always a JSON string. A property
// schema that says nothing more ("type": "string", a built-in without a
// lexical rule, annotations) holds for every such value, so the schema
// ValidateXML compiles leaves it out and jsonschema does not walk into
// every string leaf, which are most of a form's values. JSON input keeps
// the full schema.

// xmlDrops lists the property schemas ValidateXML may leave out, or nil.
// A name qualifies when every property schema of that name in the document
// is string-only (so no type can give it another value, even where one
// declaration shadows another) and every member of that name in the model
// is a plain string; names of types with wildcards never do, since a
// foreign element may take an attribute's name.
func xmlDrops(doc *jsonobj.Object, m *xmljson.Model) map[*jsonobj.Object]bool {
	w := &dropWalk{byName: map[string][]propSchema{}}
	w.schema(doc, 0)
	if w.unsafe {
		return nil
	}
	bad := map[string]bool{}
	seen := map[*xmljson.Type]bool{}
	var visit func(t *xmljson.Type)
	visit = func(t *xmljson.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		for _, mb := range t.Members {
			if t.AnyElement || t.AnyAttribute || !plainString(mb) {
				bad[mb.Name] = true
			}
			visit(mb.Type)
		}
	}
	visit(m.Root.Type)
	drops := map[*jsonobj.Object]bool{}
	for name, ps := range w.byName {
		if bad[name] || !allStringOnly(ps) {
			continue
		}
		for _, p := range ps {
			if p.closed {
				continue
			}
			drops[p.node] = true
		}
	}
	if len(drops) == 0 {
		return nil
	}
	return drops
}

// propSchema is one entry of a properties map; closed when the map's schema
// also has additionalProperties or patternProperties, which depend on the
// names it lists.
type propSchema struct {
	node   *jsonobj.Object
	plain  bool // string-only (or not a *jsonobj.Object: false)
	closed bool
}

func allStringOnly(ps []propSchema) bool {
	for _, p := range ps {
		if !p.plain {
			return false
		}
	}
	return true
}

func plainString(mb *xmljson.Member) bool {
	t := mb.Type
	return t != nil && t.Kind == xmljson.Simple && t.Scalar == xmljson.String && !t.List &&
		!mb.Array && !mb.Nillable && mb.Fixed == nil
}

// dropWalk finds the properties maps of a schema document. unsafe is set
// by keywords whose meaning depends on other schemas' properties
// (unevaluatedProperties, dynamic references) and by a $ref into a
// properties map.
type dropWalk struct {
	byName map[string][]propSchema
	unsafe bool
	nodes  int
}

func (w *dropWalk) schema(s *jsonobj.Object, depth int) {
	w.nodes++
	if w.unsafe || depth > 512 || w.nodes > maxSchemaNodes {
		w.unsafe = true
		return
	}
	closed := s.Has("additionalProperties") || s.Has("patternProperties")
	for _, k := range s.Keys() {
		v := s.Value(k)
		switch k {
		case "unevaluatedProperties", "$dynamicRef", "$recursiveRef":
			w.unsafe = true
			return
		case "$ref":
			if r, _ := v.(string); strings.Contains(r, "/properties") {
				w.unsafe = true
				return
			}
		}
		switch childMode(k) {
		case schemaNode:
			w.any(v, depth+1)
		case nameMap, propMap:
			o, ok := v.(*jsonobj.Object)
			if !ok {
				if k == "properties" {
					w.unsafe = true
				}
				continue
			}
			for _, name := range o.Keys() {
				sub := o.Value(name)
				if k == "properties" {
					p, _ := sub.(*jsonobj.Object)
					w.byName[name] = append(w.byName[name], propSchema{node: p, plain: p != nil && stringOnly(p), closed: closed})
				}
				w.any(sub, depth+1)
			}
		}
	}
}

func (w *dropWalk) any(v any, depth int) {
	switch x := v.(type) {
	case *jsonobj.Object:
		w.schema(x, depth)
	case []any:
		for _, e := range x {
			w.any(e, depth)
		}
	case map[string]any:
		// Not walked: a plain map has no identity to drop by, and what
		// it holds must not be judged blind.
		w.unsafe = true
	}
}

// stringOnly reports whether a property schema holds for every string.
func stringOnly(s *jsonobj.Object) bool {
	for _, k := range s.Keys() {
		switch k {
		case "type":
			if t, _ := s.Value(k).(string); t != "string" {
				return false
			}
		case "@xsdType":
			b, _ := s.Value(k).(string)
			if b == "#any" || hasBuiltinCheck(b) {
				return false
			}
		case "@xsdMinOccurs", "@xsdMaxOccurs", "@xsdAttribute", "@xsdText",
			"title", "description", "$comment", "examples", "deprecated", "readOnly", "writeOnly":
		default:
			return false
		}
	}
	return s.Has("type")
}
