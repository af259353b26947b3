// SPDX-License-Identifier: MIT

package expr

// Kind is the type of a Value.
type Kind uint8

// The kinds of values an expression can produce. Dates are strings; they are
// parsed where a function needs a date.
const (
	// KindNull is null, the zero Value.
	KindNull Kind = iota
	// KindBool is true or false.
	KindBool
	// KindNumber is a float64.
	KindNumber
	// KindString is a string, dates included.
	KindString
	// KindList is a list of values.
	KindList
	// KindObject is an object with ordered keys.
	KindObject
)

// String returns the lower-case name of the kind as used in error messages.
func (k Kind) String() string {
	switch k {
	case KindBool:
		return "boolean"
	case KindNumber:
		return "number"
	case KindString:
		return "string"
	case KindList:
		return "list"
	case KindObject:
		return "object"
	default:
		return "null"
	}
}

// Value is the result of evaluating an expression, or an argument to a
// function. The zero Value is null. Values are immutable once built.
type Value struct {
	kind Kind
	num  float64 // number, or 1/0 for booleans
	str  string
	ref  any // []Value for lists, *Object for objects
}

// Bool returns a boolean value.
func Bool(b bool) Value {
	if b {
		return Value{kind: KindBool, num: 1}
	}
	return Value{kind: KindBool}
}

// Number returns a number value.
func Number(f float64) Value { return Value{kind: KindNumber, num: f} }

// String returns a string value.
func String(s string) Value { return Value{kind: KindString, str: s} }

// List returns a list value holding items; the slice must not be changed after.
func List(items []Value) Value {
	if items == nil {
		items = []Value{}
	}
	return Value{kind: KindList, ref: items}
}

// ObjectValue returns an object value; o must not be changed after.
func ObjectValue(o *Object) Value {
	if o == nil {
		o = &Object{}
	}
	return Value{kind: KindObject, ref: o}
}

// Kind returns the kind of v.
func (v Value) Kind() Kind { return v.kind }

// IsNull reports whether v is null.
func (v Value) IsNull() bool { return v.kind == KindNull }

// AsBool returns the boolean held by v; it is false for other kinds.
func (v Value) AsBool() bool { return v.kind == KindBool && v.num != 0 }

// AsNumber returns the number held by v; it is 0 for other kinds.
func (v Value) AsNumber() float64 {
	if v.kind != KindNumber {
		return 0
	}
	return v.num
}

// AsString returns the string held by v; it is "" for other kinds.
func (v Value) AsString() string { return v.str }

// AsList returns the items of a list value, or nil.
func (v Value) AsList() []Value {
	l, _ := v.ref.([]Value)
	return l
}

// AsObject returns the object held by v, or nil.
func (v Value) AsObject() *Object {
	o, _ := v.ref.(*Object)
	return o
}

// Object is a JSON object that keeps the order its keys were added in, so that
// results serialise the way they were written.
type Object struct {
	keys []string
	vals map[string]Value
}

// Set adds or replaces key. It reports whether the key was new.
func (o *Object) Set(key string, v Value) bool {
	if o.vals == nil {
		o.vals = map[string]Value{}
	}
	_, had := o.vals[key]
	if !had {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
	return !had
}

// Get returns the value of key and whether it is present.
func (o *Object) Get(key string) (Value, bool) {
	if o == nil {
		return Value{}, false
	}
	v, ok := o.vals[key]
	return v, ok
}

// Keys returns the keys in insertion order.
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	return o.keys
}

// Len returns the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}
