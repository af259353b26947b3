// SPDX-License-Identifier: MIT

package instances

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fill sets every exported field reachable from v to a non-zero value: each
// pointer, slice and map gets something to share if a clone forgot it, so
// that a field added later is covered without changing this test.
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth)
			}
		}
	case reflect.Slice:
		if depth > 2 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth)
		fill(e, depth)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(7)
	}
}

// shared reports the path of the first pointer, slice or map a and b have in
// common, or "".
func shared(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		return shared(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == reflect.TypeOf(time.Time{}) {
			return ""
		}
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				if p := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
					return p
				}
			}
		}
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path
		}
		for i := range a.Len() {
			if p := shared(a.Index(i), b.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Map:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path
		}
	}
	return ""
}

// TestClonesShareNothing checks that a clone of a fully filled Instance and
// DataElement is equal to it and shares no pointer, slice or map with it: the
// document cache hands out clones, and a shared one would let one request's
// change reach another's.
func TestClonesShareNothing(t *testing.T) {
	var in Instance
	fill(reflect.ValueOf(&in).Elem(), 0)
	c := in.clone()
	if !reflect.DeepEqual(in, c) {
		t.Errorf("clone differs:\n%+v\n%+v", in, c)
	}
	if p := shared(reflect.ValueOf(in), reflect.ValueOf(c), "Instance"); p != "" {
		t.Errorf("the clone shares %s", p)
	}
	var d DataElement
	fill(reflect.ValueOf(&d).Elem(), 0)
	if p := shared(reflect.ValueOf(d), reflect.ValueOf(d.clone()), "DataElement"); p != "" {
		t.Errorf("the clone shares %s", p)
	}
}

// TestDocCacheHandsOutCopies checks that what a caller changes in a decoded
// document does not reach the next caller of the same text, and that empty
// lists stay empty lists (their JSON is [] rather than null).
func TestDocCacheHandsOutCopies(t *testing.T) {
	var in Instance
	fill(reflect.ValueOf(&in).Elem(), 0)
	in.Data = []DataElement{{ID: "d1", Tags: []string{}}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	docs := docCache[Instance]{clone: (*Instance).clone, kept: cache[string, *Instance]{max: 10}}
	first, err := docs.decode(string(b))
	if err != nil {
		t.Fatal(err)
	}
	first.Process.CurrentTask.ElementID = "changed"
	first.Data[0].Tags = append(first.Data[0].Tags, "changed")
	first.PresentationTexts["x"] = "changed"
	for range 3 {
		again, err := docs.decode(string(b))
		if err != nil {
			t.Fatal(err)
		}
		var want Instance
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, want) {
			t.Errorf("cached decode differs from json.Unmarshal:\n%+v\n%+v", again, want)
		}
		if again.Data[0].Tags == nil {
			t.Error("an empty tag list came back nil")
		}
		// What a cache hit hands out is the caller's to change too.
		again.Process.CurrentTask.ElementID = "changed"
		again.Data[0].Tags = append(again.Data[0].Tags, "changed")
		again.PresentationTexts["x"] = "changed"
	}
	if len(docs.kept.m) != 1 {
		t.Errorf("%d cached documents, want 1", len(docs.kept.m))
	}
}
