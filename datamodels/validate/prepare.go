// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// maxSchemaNodes caps the schema size prepare accepts.
const maxSchemaNodes = 2_000_000

// prepare copies a schema document into the plain maps jsonschema compiles,
// rewriting what Altinn's dialect says differently from XML Schema:
//
//   - oneOf with several branches (an xs:choice) becomes anyOf: a choice of
//     optional elements would otherwise match several branches and fail;
//     that at most one branch is used is checked by xmljson;
//   - a one-branch oneOf (the SERES root) becomes allOf;
//   - enum and const become @xsdEnum and @xsdConst, compared in the value
//     space of the type (Altinn writes every enumeration as strings, also
//     for xs:int);
//   - a schema marked @xsdNillable accepts null: {"if": {"type": "null"},
//     "else": schema}, since a $ref to a simple type would refuse it;
//   - the top-level $schema and $id go: the compiler's default draft
//     (2020-12) applies, and the document gets our resource name.
//
// Property schemas in drop (see xmlDrops) are left out.
func prepare(doc *jsonobj.Object, drop map[*jsonobj.Object]bool) (map[string]any, error) {
	p := &preparer{drop: drop}
	v, err := p.value(doc, 0, schemaNode)
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: the document is not an object", ErrSchema)
	}
	return m, nil
}

type preparer struct {
	nodes int
	drop  map[*jsonobj.Object]bool
}

// mode says what a JSON object is: a schema, a map from names to schemas
// (properties, $defs) or plain data (annotations).
type mode uint8

const (
	schemaNode mode = iota
	nameMap
	propMap // properties: a nameMap whose entries may be dropped
	data
)

// childMode is the mode of the value under keyword k of a schema.
func childMode(k string) mode {
	switch k {
	case "properties":
		return propMap
	case "$defs", "definitions", "patternProperties", "dependentSchemas":
		return nameMap
	case "items", "not", "if", "then", "else", "additionalProperties", "allOf", "anyOf", "oneOf",
		"prefixItems", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties":
		return schemaNode
	}
	return data
}

func (p *preparer) value(v any, depth int, md mode) (any, error) {
	p.nodes++
	if p.nodes > maxSchemaNodes || depth > 512 {
		return nil, fmt.Errorf("%w: schema too large or too deep", ErrSchema)
	}
	switch x := v.(type) {
	case *jsonobj.Object:
		return p.object(x, depth, md)
	case map[string]any:
		o := jsonobj.New()
		for k, e := range x {
			o.Set(k, e)
		}
		return p.object(o, depth, md)
	case []any:
		out := make([]any, len(x))
		for i := range x {
			e, err := p.value(x[i], depth+1, md)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case []string:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, nil
	case jsonobj.Number:
		return json.Number(x), nil
	case int:
		return json.Number(strconv.Itoa(x)), nil
	case int64:
		return json.Number(strconv.FormatInt(x, 10)), nil
	case uint64:
		return json.Number(strconv.FormatUint(x, 10)), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("%w: number %v", ErrSchema, x)
		}
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
	}
	return v, nil
}

func (p *preparer) object(o *jsonobj.Object, depth int, md mode) (any, error) {
	out := make(map[string]any, o.Len())
	for _, k := range o.Keys() {
		cm := data
		switch md {
		case schemaNode:
			cm = childMode(k)
		case nameMap, propMap:
			cm = schemaNode
		}
		if md == propMap && p.drop != nil {
			if sub, ok := o.Value(k).(*jsonobj.Object); ok && p.drop[sub] {
				continue
			}
		}
		v, err := p.value(o.Value(k), depth+1, cm)
		if err != nil {
			return nil, err
		}
		if md != schemaNode {
			out[k] = v
			continue
		}
		switch k {
		case "$schema", "$id":
			if depth == 0 {
				continue
			}
		case "enum":
			k = "@xsdEnum"
		case "const":
			k = "@xsdConst"
		case "oneOf":
			if arr, ok := v.([]any); ok && len(arr) == 1 {
				k = "allOf"
				if prev, ok := out["allOf"].([]any); ok {
					v = append(prev, arr...)
				}
			} else {
				k = "anyOf"
			}
		case "allOf":
			if prev, ok := out["allOf"].([]any); ok {
				v = append(prev, v.([]any)...)
			}
		}
		out[k] = v
	}
	if arr, ok := out["anyOf"].([]any); ok && len(arr) > 1 && optional(out["@xsdMinOccurs"]) {
		out["anyOf"] = append(arr, noneOf(arr))
	}
	if nillable, _ := out["@xsdNillable"].(bool); nillable {
		delete(out, "@xsdNillable")
		return map[string]any{"if": map[string]any{"type": "null"}, "else": out}, nil
	}
	return out, nil
}

func optional(v any) bool {
	switch x := v.(type) {
	case json.Number:
		return x == "0"
	case string:
		return x == "0"
	}
	return false
}

// noneOf is the branch an optional choice takes when it is left out: none
// of the elements its branches require is present.
func noneOf(branches []any) map[string]any {
	var present []any
	for _, b := range branches {
		bm, _ := b.(map[string]any)
		req, _ := bm["required"].([]any)
		for _, r := range req {
			present = append(present, map[string]any{"required": []any{r}})
		}
	}
	if len(present) == 0 {
		return map[string]any{}
	}
	return map[string]any{"not": map[string]any{"anyOf": present}}
}
