// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// obj is a decoded JSON object with its keys in document order.
type obj = jsonobj.Object

func str(o *obj, k string) (string, bool) {
	s, ok := o.Value(k).(string)
	return s, ok
}

func isTrue(o *obj, k string) bool {
	b, _ := o.Value(k).(bool)
	return b
}

func object(o *obj, k string) *obj {
	x, _ := o.Value(k).(*obj)
	return x
}

func array(o *obj, k string) []any {
	a, _ := o.Value(k).([]any)
	return a
}

// types returns the "type" keyword as a list.
func types(o *obj) []string {
	switch v := o.Value("type").(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// mainType returns the one non-null JSON type and whether null is allowed too.
func mainType(o *obj) (t string, null bool) {
	for _, x := range types(o) {
		if x == "null" {
			null = true
		} else if t == "" {
			t = x
		}
	}
	return t, null
}

func isArray(o *obj) bool {
	t, _ := mainType(o)
	return t == "array" && o.Has("items")
}

// literal writes a JSON scalar the way an XSD attribute value holds it.
func literal(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case nil:
		return "", false
	}
	return "", false
}

// integer reads a non-negative integer keyword value.
func integer(v any) (int, bool) {
	switch x := v.(type) {
	case json.Number:
		n, err := strconv.Atoi(x.String())
		return n, err == nil && n >= 0
	case string:
		n, err := strconv.Atoi(x)
		return n, err == nil && n >= 0
	}
	return 0, false
}

func requiredSet(o *obj) []string {
	var out []string
	for _, x := range array(o, "required") {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func isRequired(o *obj, name string) bool { return slices.Contains(requiredSet(o), name) }

// normalizeValue turns an in-memory schema (Go ints, []string, jsonobj.Number)
// into the decoded form (json.Number, []any) the converter reads.
func normalizeValue(o *obj) (*obj, error) {
	b, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	v, err := jsonobj.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return v.(*obj), nil
}
