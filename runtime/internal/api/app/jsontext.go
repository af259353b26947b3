// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"reflect"
)

// text is a string member of a request body that may also come as a JSON
// number or boolean, kept as written: Altinn's apps bind their bodies with
// Newtonsoft, which takes {"partyId": 50001} for a string partyId, and
// clients rely on it. An object or array is a type error naming the member.
type text string

// UnmarshalJSON implements json.Unmarshaler.
func (t *text) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		err := json.Unmarshal(b, &s)
		*t = text(s)
		return err
	case string(b) == "true" || string(b) == "false" || (b[0] == '-' || b[0] >= '0' && b[0] <= '9') && json.Valid(b):
		*t = text(b)
		return nil
	}
	kind := "object"
	if b[0] == '[' {
		kind = "array"
	}
	return &json.UnmarshalTypeError{Value: kind, Type: reflect.TypeFor[string]()}
}

// texts turns a map of text values into plain strings.
func texts(m map[string]text) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}
