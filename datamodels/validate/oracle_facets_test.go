// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// facets is what a value schema allows, collected along its $ref/allOf
// chain (the nearest schema wins, patterns add up), for the test generator.
type facets struct {
	typ, xsdType, format string
	enum                 []string
	hasEnum              bool
	constant             *string
	patterns             []string
	minLen, maxLen       int
	min, max             *float64
	exMin, exMax         bool
	fraction             int
	totalDigits          int
	dateMin, dateMax     string
}

func collectFacets(doc, s *jsonobj.Object) *facets {
	f := &facets{minLen: -1, maxLen: -1, fraction: -1, totalDigits: -1}
	seen := map[*jsonobj.Object]bool{}
	var walk func(o *jsonobj.Object, depth int)
	walk = func(o *jsonobj.Object, depth int) {
		if o == nil || seen[o] || depth > 64 {
			return
		}
		seen[o] = true
		if t := typeOf(o); t != "" && f.typ == "" {
			f.typ = t
		}
		if x, _ := o.Value("@xsdType").(string); x != "" && !strings.HasPrefix(x, "#") && f.xsdType == "" {
			f.xsdType = x
		}
		if x, _ := o.Value("format").(string); x != "" && f.format == "" {
			f.format = x
		}
		if e, ok := o.Value("enum").([]any); ok && !f.hasEnum {
			f.hasEnum = true
			for _, x := range e {
				f.enum = append(f.enum, lexicalOf(x))
			}
		} else if e, ok := o.Value("enum").([]string); ok && !f.hasEnum {
			f.hasEnum, f.enum = true, e
		}
		if o.Has("const") && f.constant == nil {
			c := lexicalOf(toJSON(o.Value("const")))
			f.constant = &c
		}
		if p, ok := o.Value("pattern").(string); ok {
			f.patterns = append(f.patterns, p)
		}
		setInt(o, "minLength", &f.minLen)
		setInt(o, "maxLength", &f.maxLen)
		setInt(o, "totalDigits", &f.totalDigits)
		if m := num(o.Value("multipleOf")); m != nil && f.fraction < 0 {
			s := strconv.FormatFloat(*m, 'f', -1, 64)
			if _, frac, ok := strings.Cut(s, "."); ok {
				f.fraction = len(frac)
			} else {
				f.fraction = 0
			}
		}
		for kw, dst := range map[string]**float64{"minimum": &f.min, "maximum": &f.max} {
			if v := num(o.Value(kw)); v != nil && *dst == nil {
				*dst = v
			}
		}
		if v := num(o.Value("exclusiveMinimum")); v != nil && f.min == nil {
			f.min, f.exMin = v, true
		}
		if v := num(o.Value("exclusiveMaximum")); v != nil && f.max == nil {
			f.max, f.exMax = v, true
		}
		for _, kw := range []string{"formatMinimum", "formatExclusiveMinimum"} {
			if v, ok := o.Value(kw).(string); ok && f.dateMin == "" {
				f.dateMin = v
			}
		}
		for _, kw := range []string{"formatMaximum", "formatExclusiveMaximum"} {
			if v, ok := o.Value(kw).(string); ok && f.dateMax == "" {
				f.dateMax = v
			}
		}
		// Later allOf steps hold a restriction's facets, earlier ones its base.
		if arr, ok := o.Value("allOf").([]any); ok {
			for i := len(arr) - 1; i >= 0; i-- {
				sub, _ := arr[i].(*jsonobj.Object)
				walk(sub, depth+1)
			}
		}
		if ref, _ := o.Value("$ref").(string); strings.HasPrefix(ref, "#/") {
			walk(resolvePtr(doc, ref[1:]), depth+1)
		}
	}
	walk(s, 0)
	return f
}

func typeOf(o *jsonobj.Object) string {
	switch t := o.Value("type").(type) {
	case string:
		return t
	case []any:
		for _, x := range t {
			if s, _ := x.(string); s != "null" {
				return s
			}
		}
	}
	return ""
}

func setInt(o *jsonobj.Object, kw string, dst *int) {
	if *dst >= 0 {
		return
	}
	if v := num(o.Value(kw)); v != nil {
		*dst = int(*v)
	}
}

// num reads a number however the converter or decoder stored it.
func num(v any) *float64 {
	var f float64
	var err error
	switch x := v.(type) {
	case json.Number:
		f, err = x.Float64()
	case jsonobj.Number:
		f, err = strconv.ParseFloat(string(x), 64)
	case int:
		f = float64(x)
	case uint64:
		f = float64(x)
	case float64:
		f = x
	default:
		return nil
	}
	if err != nil {
		return nil
	}
	return &f
}

func toJSON(v any) any {
	switch x := v.(type) {
	case jsonobj.Number:
		return json.Number(x)
	case int:
		return json.Number(strconv.Itoa(x))
	}
	return v
}

func resolvePtr(doc *jsonobj.Object, ptr string) *jsonobj.Object {
	cur := doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		next, _ := cur.Value(strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)).(*jsonobj.Object)
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}
