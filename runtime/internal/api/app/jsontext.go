// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"reflect"
	"time"
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
	return &json.UnmarshalTypeError{Value: jsonKindOf(b), Type: reflect.TypeFor[string]()}
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

// when is a date-time member of a request body. Besides RFC 3339 it takes
// what Altinn's .NET binding takes and clients send: a date-time without a
// zone and a bare date, both read as UTC.
type when struct{ t *time.Time }

// whenLayouts are the forms when takes after RFC 3339, tried in order.
var whenLayouts = []string{"2006-01-02T15:04:05.999999999", "2006-01-02"}

// UnmarshalJSON implements json.Unmarshaler.
func (w *when) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: jsonKindOf(b), Type: reflect.TypeFor[time.Time]()}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	for _, layout := range whenLayouts {
		if err == nil {
			break
		}
		t, err = time.ParseInLocation(layout, s, time.UTC)
	}
	if err != nil {
		return &time.ParseError{Layout: time.RFC3339, Value: s, Message: ": not a date-time"}
	}
	w.t = &t
	return nil
}

// jsonKindOf names the JSON kind of a raw value.
func jsonKindOf(b []byte) string {
	switch {
	case len(b) == 0:
		return "value"
	case b[0] == '{':
		return "object"
	case b[0] == '[':
		return "array"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	}
	return "number"
}
