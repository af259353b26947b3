// SPDX-License-Identifier: MIT

package instances

import (
	"encoding/json"
	"errors"
	"testing"
)

// TestPatchApply runs RFC 6902 Appendix A (A.1–A.16) and edge cases of RFC 6901
// pointers and array indexes.
func TestPatchApply(t *testing.T) {
	tests := []struct {
		name, doc, patch, want string
		err                    error // nil when want is the result
	}{
		{"A.1 add an object member", `{"foo":"bar"}`, `[{"op":"add","path":"/baz","value":"qux"}]`, `{"baz":"qux","foo":"bar"}`, nil},
		{"A.2 add an array element", `{"foo":["bar","baz"]}`, `[{"op":"add","path":"/foo/1","value":"qux"}]`, `{"foo":["bar","qux","baz"]}`, nil},
		{"A.3 remove an object member", `{"baz":"qux","foo":"bar"}`, `[{"op":"remove","path":"/baz"}]`, `{"foo":"bar"}`, nil},
		{"A.4 remove an array element", `{"foo":["bar","qux","baz"]}`, `[{"op":"remove","path":"/foo/1"}]`, `{"foo":["bar","baz"]}`, nil},
		{"A.5 replace a value", `{"baz":"qux","foo":"bar"}`, `[{"op":"replace","path":"/baz","value":"boo"}]`, `{"baz":"boo","foo":"bar"}`, nil},
		{"A.6 move a value", `{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}`,
			`[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]`, `{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}`, nil},
		{"A.7 move an array element", `{"foo":["all","grass","cows","eat"]}`, `[{"op":"move","from":"/foo/1","path":"/foo/3"}]`,
			`{"foo":["all","cows","eat","grass"]}`, nil},
		{"A.8 test succeeds", `{"baz":"qux","foo":["a",2,"c"]}`,
			`[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]`, `{"baz":"qux","foo":["a",2,"c"]}`, nil},
		{"A.9 test fails", `{"baz":"qux"}`, `[{"op":"test","path":"/baz","value":"bar"}]`, "", ErrPatchTest},
		{"A.10 add a nested member object", `{"foo":"bar"}`, `[{"op":"add","path":"/child","value":{"grandchild":{}}}]`,
			`{"foo":"bar","child":{"grandchild":{}}}`, nil},
		{"A.11 ignore unrecognized members", `{"foo":"bar"}`, `[{"op":"add","path":"/baz","value":"qux","xyz":123}]`, `{"foo":"bar","baz":"qux"}`, nil},
		{"A.12 add to a nonexistent target", `{"foo":"bar"}`, `[{"op":"add","path":"/baz/bat","value":"qux"}]`, "", ErrPatchInvalid},
		{"A.13 invalid patch document", `{"foo":"bar"}`, `[{"op":"add","path":"/baz","value":"qux","op":"remove"}]`, "", ErrPatchInvalid},
		{"A.14 ~ escape ordering", `{"/":9,"~1":10}`, `[{"op":"test","path":"/~01","value":10}]`, `{"/":9,"~1":10}`, nil},
		{"A.15 strings and numbers differ", `{"/":9,"~1":10}`, `[{"op":"test","path":"/~01","value":"10"}]`, "", ErrPatchTest},
		{"A.16 add an array value", `{"foo":["bar"]}`, `[{"op":"add","path":"/foo/-","value":["abc","def"]}]`, `{"foo":["bar",["abc","def"]]}`, nil},
		{"copy", `{"a":{"b":1}}`, `[{"op":"copy","from":"/a","path":"/c"},{"op":"replace","path":"/c/b","value":2}]`, `{"a":{"b":1},"c":{"b":2}}`, nil},
		{"replace the root", `{"a":1}`, `[{"op":"replace","path":"","value":[1]}]`, `[1]`, nil},
		{"test null is a value", `{"a":null}`, `[{"op":"test","path":"/a","value":null}]`, `{"a":null}`, nil},
		{"test objects ignore member order", `{"a":{"x":1,"y":2}}`, `[{"op":"test","path":"/a","value":{"y":2,"x":1.0}}]`, `{"a":{"x":1,"y":2}}`, nil},
		{"add without a value", `{}`, `[{"op":"add","path":"/a"}]`, "", ErrPatchInvalid},
		{"replace a missing member", `{}`, `[{"op":"replace","path":"/a","value":1}]`, "", ErrPatchInvalid},
		{"remove a missing member", `{}`, `[{"op":"remove","path":"/a"}]`, "", ErrPatchInvalid},
		{"index with a leading zero", `{"a":[1,2]}`, `[{"op":"remove","path":"/a/01"}]`, "", ErrPatchInvalid},
		{"index past the end", `{"a":[1,2]}`, `[{"op":"add","path":"/a/3","value":0}]`, "", ErrPatchInvalid},
		{"dash only for add", `{"a":[1,2]}`, `[{"op":"remove","path":"/a/-"}]`, "", ErrPatchInvalid},
		{"move into its own child", `{"a":{"b":{}}}`, `[{"op":"move","from":"/a","path":"/a/b/c"}]`, "", ErrPatchInvalid},
		{"pointer without a slash", `{"a":1}`, `[{"op":"remove","path":"a"}]`, "", ErrPatchInvalid},
		{"bad escape", `{"a":1}`, `[{"op":"remove","path":"/~2"}]`, "", ErrPatchInvalid},
		{"unknown op", `{"a":1}`, `[{"op":"merge","path":"/a","value":1}]`, "", ErrPatchInvalid},
		{"a later failure undoes earlier ops", `{"a":1}`, `[{"op":"replace","path":"/a","value":2},{"op":"test","path":"/a","value":3}]`, "", ErrPatchTest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			before, _ := json.Marshal(doc)
			var p Patch
			got, err := any(nil), json.Unmarshal([]byte(tt.patch), &p)
			if err == nil {
				got, err = p.Apply(doc)
			}
			if after, _ := json.Marshal(doc); string(after) != string(before) {
				t.Errorf("the input changed: %s", after)
			}
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want any
			_ = json.Unmarshal([]byte(tt.want), &want)
			if !jsonEqual(got, want) {
				g, _ := json.Marshal(got)
				t.Fatalf("got %s, want %s", g, tt.want)
			}
		})
	}
}
