// SPDX-License-Identifier: MIT

package expr_test

import (
	"fmt"

	"github.com/blankett/blankett/appframework/expr"
)

func ExampleParse() {
	e, err := expr.Parse([]byte(`["if", ["greaterThanEq", ["dataModel", "Person.Age"], 18], "adult", "else", "child"]`))
	if err != nil {
		panic(err)
	}
	env := &expr.Env{Data: &expr.JSONData{Default: "model", Models: map[string]any{
		"model": map[string]any{"Person": []any{map[string]any{"Age": 17.0}, map[string]any{"Age": 42.0}}},
	}}}
	for row := range 2 {
		// Inside a repeating group the scope's row places Person.Age.
		scope := &expr.Scope{Row: expr.Path{{Name: "Person", Index: row}}}
		v, err := e.Eval(env, scope)
		fmt.Println(v, err)
	}
	// Output:
	// "child" <nil>
	// "adult" <nil>
}

func ExampleCheck() {
	issues := expr.Check([]byte(`["and", ["component", "agee"], ["equals", 1]]`), &expr.CheckEnv{
		Component: func(id string) bool { return id == "age" },
		Want:      expr.TypeBool,
	})
	for _, is := range issues {
		fmt.Println(is.Path, is.Code, is.Message)
	}
	// Output:
	// $[2] arity Expected 2 argument(s), got 1
	// $[1][1] unknown-component no component with id agee
}
