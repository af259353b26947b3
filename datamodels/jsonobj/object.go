// SPDX-License-Identifier: MIT

package jsonobj

import (
	"bytes"
	"encoding/json"
	"slices"
)

// Object is a JSON object that keeps its keys in insertion order, so converted
// schemas read in the same order as Altinn writes them. Values are nil, bool,
// string, numbers (Go integers, json.Number or Number), []any, []string or *Object.
type Object struct {
	keys []string
	vals map[string]any
}

// New returns an empty object.
func New() *Object { return &Object{vals: map[string]any{}} }

// Set stores v under k. Replacing a key keeps its position, as JsonSchema.Net's
// builder does when a keyword is added twice.
func (o *Object) Set(k string, v any) *Object {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

// Get returns the value under k.
func (o *Object) Get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// Value returns the value under k, or nil.
func (o *Object) Value(k string) any { return o.vals[k] }

// Has reports whether k is present.
func (o *Object) Has(k string) bool { _, ok := o.vals[k]; return ok }

// Delete removes k.
func (o *Object) Delete(k string) {
	if _, ok := o.vals[k]; ok {
		delete(o.vals, k)
		o.keys = slices.DeleteFunc(o.keys, func(s string) bool { return s == k })
	}
}

// Keys returns the keys in order.
func (o *Object) Keys() []string { return slices.Clone(o.keys) }

// Len returns the number of keys.
func (o *Object) Len() int { return len(o.keys) }

// MarshalJSON writes the object with its keys in order.
func (o *Object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		vb, err := marshalValue(o.vals[k])
		if err != nil {
			return nil, err
		}
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func marshalValue(v any) ([]byte, error) {
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Marshal writes a schema as indented JSON without HTML escaping, so the XML
// in $comment stays readable.
func Marshal(o *Object) ([]byte, error) {
	b, err := marshalValue(o)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Number is a number literal written as is, so decimals keep their digits.
type Number string

// MarshalJSON writes the literal.
func (n Number) MarshalJSON() ([]byte, error) { return []byte(n), nil }
