// SPDX-License-Identifier: MIT

package jmespath

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	t.Parallel()
	data := `{"people":[{"name":"Ola","age":30,"tags":["a","b"]},{"name":"Kari","age":18,"tags":["c"]},{"name":"Knut","age":16,"tags":[]}],
	"obj":{"x":1,"y":2},"nested":[[1,2],[3,[4]]],"s":"hello"}`
	var doc any
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string
	}{
		{"people[0].name", `"Ola"`},
		{"people[-1].name", `"Knut"`},
		{"people[5].name", `null`},
		{"people[].name", `["Ola","Kari","Knut"]`},
		{"people[*].age", `[30,18,16]`},
		{"people[?age >= `18`].name", `["Ola","Kari"]`},
		{"people[?age > `100`]", `[]`},
		{"people[?name == 'Kari'] | [0].age", `18`},
		{"people[0:2].name", `["Ola","Kari"]`},
		{"people[::-1].name", `["Knut","Kari","Ola"]`},
		{"people[].tags[]", `["a","b","c"]`},
		{"nested[]", `[1,2,3,[4]]`},
		{"obj.*", `[1,2]`},
		{"people[0].[name, age]", `["Ola",30]`},
		{"people[0].{n: name, a: age}", `{"n":"Ola","a":30}`},
		{"length(people)", `3`},
		{"length(s)", `5`},
		{"max_by(people, &age).name", `"Ola"`},
		{"min_by(people, &age).name", `"Knut"`},
		{"sort_by(people, &age)[].name", `["Knut","Kari","Ola"]`},
		{"sort(people[].name)", `["Kari","Knut","Ola"]`},
		{"map(&name, people)", `["Ola","Kari","Knut"]`},
		{"sum(people[].age)", `64`},
		{"avg(`[1,2,3]`)", `2`},
		{"join(', ', people[].name)", `"Ola, Kari, Knut"`},
		{"contains(people[].name, 'Kari')", `true`},
		{"starts_with(s, 'he')", `true`},
		{"keys(obj)", `["x","y"]`},
		{"values(obj)", `[1,2]`},
		{"merge(obj, `{\"z\":3}`)", `{"x":1,"y":2,"z":3}`},
		{"not_null(missing, s)", `"hello"`},
		{"to_string(`1`)", `"1"`},
		{"to_number('12')", `12`},
		{"type(obj)", `"object"`},
		{"abs(`-1`)", `1`},
		{"reverse(s)", `"olleh"`},
		{"missing || s", `"hello"`},
		{"s && obj.x", `1`},
		{"!missing", `true`},
		{"'Lorem ipsum'", `"Lorem ipsum"`},
		{"@", data},
		{`"s"`, `"hello"`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(tt.query)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			got, err := q.Search(doc)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			var want any
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		query string
		kind  error
	}{
		{"#", ErrSyntax},
		{"a.", ErrSyntax},
		{"[1:2:0]", ErrSyntax},
		{"'unclosed", ErrSyntax},
		{"foo(", ErrSyntax},
		{"nosuchfunction(@)", ErrInvalidType},
		{"abs('x')", ErrInvalidType},
		{"length(`1`, `2`)", ErrInvalidType},
	} {
		q, err := Compile(tt.query)
		if err == nil {
			_, err = q.Search(map[string]any{})
		}
		if !errors.Is(err, tt.kind) {
			t.Errorf("%q: got %v, want %v", tt.query, err, tt.kind)
		}
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	t.Parallel()
	q := strings.Repeat("(", 100000)
	if _, err := Compile(q); !errors.Is(err, ErrSyntax) {
		t.Fatalf("got %v", err)
	}
}

func FuzzCompile(f *testing.F) {
	for _, s := range []string{"a.b[0]", "[?a > `1`].b | [0]", "{a: b, c: [d, e]}", "sort_by(@, &x)[::-1]", "a[*].b[].c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Compile(s)
		if err != nil {
			return
		}
		_, _ = q.Search(map[string]any{"a": []any{1.0, "x", map[string]any{"b": true}}})
	})
}
