// SPDX-License-Identifier: MIT

package expr

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
)

// FromAny converts a decoded JSON value (nil, bool, float64, json.Number,
// string, []any, map[string]any, and Go integer types) into a Value. Other types
// become null. Map keys are sorted, since Go maps have no order.
func FromAny(x any) Value {
	switch t := x.(type) {
	case nil:
		return Value{}
	case Value:
		return t
	case bool:
		return Bool(t)
	case float64:
		return Number(t)
	case float32:
		return Number(float64(t))
	case int:
		return Number(float64(t))
	case int64:
		return Number(float64(t))
	case int32:
		return Number(float64(t))
	case uint:
		return Number(float64(t))
	case uint64:
		return Number(float64(t))
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil {
			return Value{}
		}
		return Number(f)
	case string:
		return String(t)
	case []any:
		items := make([]Value, len(t))
		for i, e := range t {
			items[i] = FromAny(e)
		}
		return List(items)
	case []Value:
		return List(t)
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		o := &Object{}
		for _, k := range keys {
			o.Set(k, FromAny(t[k]))
		}
		return ObjectValue(o)
	case *Object:
		return ObjectValue(t)
	}
	return Value{}
}

// Any converts v to plain Go values as encoding/json would decode them: nil,
// bool, float64, string, []any and map[string]any.
func (v Value) Any() any {
	switch v.kind {
	case KindBool:
		return v.AsBool()
	case KindNumber:
		return v.num
	case KindString:
		return v.str
	case KindList:
		l := v.AsList()
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = e.Any()
		}
		return out
	case KindObject:
		o := v.AsObject()
		out := make(map[string]any, o.Len())
		for _, k := range o.Keys() {
			out[k] = o.vals[k].Any()
		}
		return out
	}
	return nil
}

// MarshalJSON writes v as JSON, keeping object keys in insertion order.
func (v Value) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	v.writeJSON(&b)
	return []byte(b.String()), nil
}

// UnmarshalJSON reads any JSON value into v.
func (v *Value) UnmarshalJSON(data []byte) error {
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		return err
	}
	*v = FromAny(x)
	return nil
}

func (v Value) writeJSON(b *strings.Builder) {
	switch v.kind {
	case KindNull:
		b.WriteString("null")
	case KindBool:
		if v.AsBool() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case KindNumber:
		if math.IsNaN(v.num) || math.IsInf(v.num, 0) {
			b.WriteString("null")
			return
		}
		b.WriteString(formatNumber(v.num))
	case KindString:
		writeQuoted(b, v.str)
	case KindList:
		b.WriteByte('[')
		for i, e := range v.AsList() {
			if i > 0 {
				b.WriteByte(',')
			}
			e.writeJSON(b)
		}
		b.WriteByte(']')
	case KindObject:
		o := v.AsObject()
		b.WriteByte('{')
		for i, k := range o.Keys() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeQuoted(b, k)
			b.WriteByte(':')
			o.vals[k].writeJSON(b)
		}
		b.WriteByte('}')
	}
}

// String returns v as JSON text; error messages quote values this way.
func (v Value) String() string {
	var b strings.Builder
	v.writeJSON(&b)
	return b.String()
}

// Equal reports whether v and w are the same JSON value. Numbers compare by
// value and object key order does not matter.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case KindNull:
		return true
	case KindBool, KindNumber:
		return v.num == w.num
	case KindString:
		return v.str == w.str
	case KindList:
		a, b := v.AsList(), w.AsList()
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Equal(b[i]) {
				return false
			}
		}
		return true
	case KindObject:
		a, b := v.AsObject(), w.AsObject()
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.Keys() {
			bv, ok := b.Get(k)
			if !ok || !a.vals[k].Equal(bv) {
				return false
			}
		}
		return true
	}
	return false
}

// writeQuoted writes s as a JSON string. Unlike encoding/json it leaves <, >
// and & alone, so error messages and results read as written.
func writeQuoted(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
