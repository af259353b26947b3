// SPDX-License-Identifier: MIT

package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// JSONError says in an API user's words what is wrong with a JSON body that
// did not decode: where the syntax breaks, or which field holds the wrong
// kind of value and what it must be, with no Go type names.
func JSONError(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tim *time.ParseError
	switch {
	case errors.As(err, &syn) && syn.Error() == "unexpected end of JSON input":
		return "the JSON breaks off before its end"
	case errors.As(err, &syn):
		return fmt.Sprintf("the JSON is malformed at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		if field := strings.TrimPrefix(typ.Field, "."); field != "" {
			return fmt.Sprintf("%q must be a JSON %s, not %s", field, jsonKind(typ.Type), withArticle(typ.Value))
		}
		return fmt.Sprintf("the body must be a JSON %s, not %s", jsonKind(typ.Type), withArticle(typ.Value))
	case errors.As(err, &tim):
		return fmt.Sprintf("%q is not a date-time in RFC 3339 form (like 2027-01-31T12:00:00Z)", tim.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "Go ") || strings.Contains(msg, "UnmarshalJSON") { // words about Go types
		return "a value is not of the kind this endpoint takes"
	}
	return msg
}

// jsonKind names the JSON kind a Go type decodes from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[time.Time]() {
		return "string (an RFC 3339 date-time)"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return "value"
}

// withArticle puts "a" or "an" before what the decoder found ("string",
// "array", "number 1.5"); "bool" is said as "boolean".
func withArticle(v string) string {
	if v == "bool" {
		v = "boolean"
	}
	if v != "" && strings.ContainsRune("aeiou", rune(v[0])) {
		return "an " + v
	}
	return "a " + v
}
