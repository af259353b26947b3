// SPDX-License-Identifier: MIT

package expr

import (
	"slices"
	"testing"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	env := &CheckEnv{
		Component: func(id string) bool { return id == "age" || id == "name" },
		DataType:  func(id string) bool { return id == "model" || id == "extra" },
		Field: func(dt string, p Path) bool {
			return p.String() == "Person.Age" || p.String() == "Person.Name"
		},
		Want: TypeBool,
	}
	tests := []struct {
		in    string
		codes []string
		paths []string
	}{
		{`["greaterThan", ["component", "age"], 18]`, nil, nil},
		{`["equals", ["dataModel", "Person.Age", "extra"], 1]`, nil, nil},
		{`["greaterThan", ["component", "agee"], 18]`, []string{"unknown-component"}, []string{"$[1][1]"}},
		{`["and", ["nope"], ["equals", 1], ["not", "yes"]]`, []string{"unknown-function", "arity", "type"}, []string{"$[1][0]", "$[2]", "$[3][1]"}},
		{`["greaterThan", ["equals", 1, 1], 2]`, []string{"type"}, []string{"$[1]"}},
		{`["sum", ["concat", "a"]]`, []string{"type"}, []string{"$[1]"}},
		{`["concat", "a", "b"]`, nil, nil},
		{`["list", 1]`, []string{"type"}, []string{"$"}},
		{`["equals", ["dataModel", "Person.Agee"], 1]`, []string{"unknown-field"}, []string{"$[1][1]"}},
		{`["equals", ["dataModel", "Person.Age", "nope"], 1]`, []string{"unknown-data-type"}, []string{"$[1][2]"}},
		{`["equals", ["dataModel", "Person..Age"], 1]`, []string{"invalid-argument"}, []string{"$[1][1]"}},
		{`["equals", true, {}]`, []string{"syntax"}, []string{"$[2]"}},
		{`["displayValue", "ghost"]`, []string{"unknown-component"}, []string{"$[1]"}},
		{`[`, []string{"syntax"}, []string{"$"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var codes, paths []string
			for _, is := range Check([]byte(tt.in), env) {
				codes = append(codes, is.Code)
				paths = append(paths, is.Path)
				if is.Message == "" || is.Err == nil {
					t.Errorf("issue without message or sentinel: %+v", is)
				}
			}
			if !slices.Equal(codes, tt.codes) || !slices.Equal(paths, tt.paths) {
				t.Errorf("got %v at %v, want %v at %v", codes, paths, tt.codes, tt.paths)
			}
		})
	}
}

func TestCheckNilEnv(t *testing.T) {
	t.Parallel()
	if issues := Check([]byte(`["component", "anything"]`), nil); len(issues) != 0 {
		t.Errorf("got %v", issues)
	}
}
