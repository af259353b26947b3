// SPDX-License-Identifier: MIT

package xsdjson

import (
	"slices"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// Normalize simplifies a schema without changing what it validates, exactly as
// Altinn's JsonSchemaNormalizer does: a single-item allOf is merged into its
// parent when no keyword clashes (and no $ref would end up beside other
// keywords), and nested single-item allOfs collapse. It returns a new object.
func Normalize(o *Object) *Object {
	out := jsonobj.New()
	for _, k := range o.Keys() {
		for _, kv := range normalizeKeyword(o, k, o.Value(k)) {
			out.Set(kv.k, kv.v)
		}
	}
	return out
}

type keyValue struct {
	k string
	v any
}

func normalizeKeyword(parent *Object, k string, v any) []keyValue {
	var kws []keyValue
	if arr, ok := v.([]any); ok && k == "allOf" && len(arr) == 1 {
		if sub, ok := arr[0].(*Object); ok {
			sub = Normalize(sub)
			switch {
			case parent.Len() > 1 && sub.Has("$ref"):
				kws = append(kws, keyValue{"allOf", []any{sub}})
			case sub.Len() == 1 && sub.Has("allOf"):
				kws = append(kws, keyValue{"allOf", sub.Value("allOf")})
			case parent.Len() == 1 || !hasCommonKeys(parent, sub):
				for _, sk := range sub.Keys() {
					kws = append(kws, keyValue{sk, sub.Value(sk)})
				}
			default:
				kws = append(kws, keyValue{"allOf", []any{sub}})
			}
		}
	}
	if len(kws) == 0 {
		kws = append(kws, keyValue{k, v})
	}
	for i, kv := range kws {
		kws[i].v = normalizeValue(kv.k, kv.v)
	}
	return kws
}

// normalizeValue descends into the subschemas of applicator keywords.
func normalizeValue(k string, v any) any {
	switch k {
	case "items", "not", "additionalProperties", "if", "then", "else", "contains", "propertyNames",
		"unevaluatedItems", "unevaluatedProperties", "additionalItems":
		if o, ok := v.(*Object); ok {
			return Normalize(o)
		}
	case "allOf", "anyOf", "oneOf", "prefixItems":
		if arr, ok := v.([]any); ok {
			out := make([]any, len(arr))
			for i, x := range arr {
				if o, ok := x.(*Object); ok {
					out[i] = Normalize(o)
				} else {
					out[i] = x
				}
			}
			return out
		}
	case "properties", "$defs", "definitions", "patternProperties", "dependentSchemas":
		if m, ok := v.(*Object); ok {
			out := jsonobj.New()
			for _, mk := range m.Keys() {
				if o, ok := m.Value(mk).(*Object); ok {
					out.Set(mk, Normalize(o))
				} else {
					out.Set(mk, m.Value(mk))
				}
			}
			return out
		}
	}
	return v
}

func hasCommonKeys(a, b *Object) bool {
	if a.Len() == 0 || b.Len() == 0 {
		return false
	}
	return slices.ContainsFunc(a.Keys(), b.Has)
}
