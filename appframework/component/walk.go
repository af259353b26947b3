// SPDX-License-Identifier: MIT

package component

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

var (
	exprType    = reflect.TypeFor[Expr]()
	bindingType = reflect.TypeFor[Binding]()
)

// WalkExprs calls fn for every expression-valued property of c, common and
// typed, with its JSON pointer relative to the component, in a stable order.
// Lint and the validation engine use it to reach expressions without knowing
// every component type.
func (c *Component) WalkExprs(fn func(pointer string, e *Expr)) {
	walkValue(reflect.ValueOf(c.commonView()), "", func(p string, v any) {
		if e, ok := v.(*Expr); ok {
			fn(p, e)
		}
	})
	if c.Props != nil {
		walkValue(reflect.ValueOf(c.Props), "", func(p string, v any) {
			if e, ok := v.(*Expr); ok {
				fn(p, e)
			}
		})
	}
}

func (c *Component) commonView() *common {
	return &common{
		Hidden: c.Hidden, Required: c.Required, ReadOnly: c.ReadOnly,
		RenderAsSummary: c.RenderAsSummary, ForceShowInSummary: c.ForceShowInSummary,
		TextResourceBindings: c.TextResourceBindings, DataModelBindings: c.DataModelBindings,
		PageBreak: c.PageBreak,
	}
}

// walkValue visits every *Expr and *Binding reachable from v through struct
// fields with JSON names, slices and string-keyed maps (in key order).
func walkValue(v reflect.Value, ptr string, fn func(string, any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		switch v.Type().Elem() {
		case exprType, bindingType:
			fn(ptr, v.Interface())
			return
		}
		walkValue(v.Elem(), ptr, fn)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			if f.Anonymous {
				walkValue(v.Field(i), ptr, fn)
				continue
			}
			name := jsonName(f)
			if name == "" {
				continue
			}
			walkValue(v.Field(i), ptr+"/"+escape(name), fn)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // json.RawMessage
		}
		for i := range v.Len() {
			walkValue(v.Index(i), ptr+"/"+strconv.Itoa(i), fn)
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			walkValue(v.MapIndex(k), ptr+"/"+escape(k.String()), fn)
		}
	}
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	return name
}

// escape writes a JSON pointer reference token (RFC 6901).
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// keyCache holds the JSON keys each props type reads.
var keyCache sync.Map // reflect.Type → map[string]bool

// knownKeys returns the top-level JSON keys the struct behind p decodes,
// following embedded structs as encoding/json does.
func knownKeys(p any) map[string]bool {
	t := reflect.TypeOf(p)
	if k, ok := keyCache.Load(t); ok {
		return k.(map[string]bool)
	}
	keys := map[string]bool{}
	var add func(reflect.Type)
	add = func(t reflect.Type) {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
				add(f.Type)
				continue
			}
			if n := jsonName(f); n != "" && f.IsExported() {
				keys[n] = true
			}
		}
	}
	add(t)
	keyCache.Store(t, keys)
	return keys
}
