// SPDX-License-Identifier: MIT

package expr

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		kind     error
		path     string
		msg      string
	}{
		{"empty array", `[]`, ErrSyntax, "$", "Missing function name in expression"},
		{"empty array inside", `["equals", [], true]`, ErrSyntax, "$[1]", "Missing function name"},
		{"object", `["equals", true, {}]`, ErrSyntax, "$[2]", `Invalid type "object"`},
		{"number as name", `[1, 2]`, ErrSyntax, "$[0]", "Function name in expression should be string"},
		{"unknown function", `["nope", 1]`, ErrUnknownFunction, "$[0]", `Function "nope" not implemented`},
		{"wrong case", `["DataModel", "a"]`, ErrUnknownFunction, "$[0]", `Function "DataModel" not implemented`},
		{"unknown nested", `["not", ["and", true, ["x"]]]`, ErrUnknownFunction, "$[1][2][0]", `"x"`},
		{"too few", `["equals", 1]`, ErrArity, "$", "Expected 2 argument(s), got 1"},
		{"too many", `["not", 1, 2]`, ErrArity, "$", "Expected 1 argument(s), got 2"},
		{"range", `["round", 1, 2, 3]`, ErrArity, "$", "Expected 1-2 argument(s), got 3"},
		{"variadic", `["and"]`, ErrArity, "$", "Expected 1+ argument(s), got 0"},
		{"arithmetic", `["minus", 1]`, ErrArity, "$", "Invalid number of arguments"},
		{"literal bool", `["not", "yes"]`, ErrType, "$[1]", `Expected boolean, got value "yes"`},
		{"literal number", `["plus", 1, "1,5"]`, ErrType, "$[2]", `Expected number, got value "1,5"`},
		{"literal bool for number", `["lessThan", true, 1]`, ErrType, "$[1]", "Expected number, got value true"},
		{"literal date", `["formatDate", 5]`, ErrType, "$[1]", "Date expressions only accept strings or null"},
		{"bad date", `["formatDate", "2021-02-29"]`, ErrInvalidArgument, "$[1]", "date/time is invalid"},
		{"literal list", `["sum", 5]`, ErrType, "$[1]", "Expected argument to be list, got number"},
		{"if without else", `["if", true, 1, "otherwise", 2]`, ErrInvalidArgument, "$[3]", `Expected third argument to be "else"`},
		{"if arity", `["if", true, 1, "else"]`, ErrArity, "$", "Expected either 2 arguments (if) or 4 (if + else), got 3"},
		{"compare op", `["compare", 1, "same", 2]`, ErrInvalidArgument, "$[2]", `Invalid operator "same"`},
		{"compare op expr", `["compare", 1, ["concat", "equals"], 2]`, ErrInvalidArgument, "$[2]", "cannot be an expression"},
		{"compare not", `["compare", 1, "NOT", "equals", 2]`, ErrInvalidArgument, "$[2]", `Second argument must be "not"`},
		{"dataModel type expr", `["dataModel", "a", ["concat", "x"]]`, ErrInvalidArgument, "$[2]", "expressions cannot be used here"},
		{"object odd", `["object", "a"]`, ErrArity, "$", "even number of arguments"},
		{"object key", `["object", 1, 2]`, ErrType, "$[1]", "Object keys must be strings"},
		{"object dup", `["object", "a", 1, "a", 2]`, ErrInvalidArgument, "$[3]", "Object keys must be unique"},
		{"jmespath query", `["jmespath", ["list"], "#"]`, ErrInvalidArgument, "$[2]", "Jmespath error"},
		{"jmespath null", `["jmespath", ["list"], null]`, ErrType, "$", ""},
		{"malformed", `["equals", 1`, ErrSyntax, "$", "malformed JSON"},
		{"trailing", `["language"] 1`, ErrSyntax, "$", "data after the expression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse([]byte(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%s) = %v, want *Error", tt.in, err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("kind: got %v, want %v", err, tt.kind)
			}
			if tt.path != "$" && e.Path != tt.path {
				t.Errorf("path: got %q, want %q", e.Path, tt.path)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", e.Msg, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "expr: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

// TestParseDeep feeds 10,000-deep expressions through both entry points: the
// parser must refuse them with ErrTooDeep, not crash.
func TestParseDeep(t *testing.T) {
	t.Parallel()
	const depth = 10000
	text := strings.Repeat(`["not", `, depth) + "true" + strings.Repeat("]", depth)
	if _, err := Parse([]byte(text)); !errors.Is(err, ErrTooDeep) {
		t.Errorf("Parse: got %v, want ErrTooDeep", err)
	}
	var x any = true
	for range depth {
		x = []any{"not", x}
	}
	if _, err := ParseValue(x); !errors.Is(err, ErrTooDeep) {
		t.Errorf("ParseValue: got %v, want ErrTooDeep", err)
	}
	bare := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	if _, err := Parse([]byte(bare)); !errors.Is(err, ErrTooDeep) {
		t.Errorf("Parse of bare brackets: got %v, want ErrTooDeep", err)
	}
	if issues := Check([]byte(text), nil); len(issues) != 1 || issues[0].Code != "too-deep" {
		t.Errorf("Check: got %v", issues)
	}
	ok := strings.Repeat(`["not", `, MaxDepth-1) + "true" + strings.Repeat("]", MaxDepth-1)
	if _, err := Parse([]byte(ok)); err != nil {
		t.Errorf("depth %d: %v", MaxDepth-1, err)
	}
}

func TestParseString(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`["equals",["component","age"],18]`,
		`["if",true,"a","else",null]`,
		`"plain"`,
		`["concat","a",1.5,false]`,
	} {
		e, err := Parse([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := e.String(); got != in {
			t.Errorf("String() = %s, want %s", got, in)
		}
	}
}

func TestFuncNames(t *testing.T) {
	t.Parallel()
	for f := FuncAnd; f < funcEnd; f++ {
		got, ok := funcByName(f.String())
		if !ok || got != f {
			t.Errorf("funcByName(%q) = %v, %v", f.String(), got, ok)
		}
	}
}

func TestParsePath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, base, want string
	}{
		{"a.b", "", "a.b"},
		{"Bedrifter.Ansatte.Alder", "Bedrifter[1].Ansatte[3]", "Bedrifter[1].Ansatte[3].Alder"},
		{"Bedrifter.Ansatte[0].Alder", "Bedrifter[1].Ansatte[3]", "Bedrifter[1].Ansatte[0].Alder"},
		{"Bedrifter[0].Ansatte.Alder", "Bedrifter[1].Ansatte[3]", "Bedrifter[0].Ansatte.Alder"},
		{"Other.List.x", "Bedrifter[1]", "Other.List.x"},
		{"Bedrifter.Info.Navn", "Bedrifter[2].Ansatte[0]", "Bedrifter[2].Info.Navn"},
	}
	for _, tt := range tests {
		p, err := ParsePath(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if tt.base != "" {
			base, err := ParsePath(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			p = p.Transpose(base)
		}
		if got := p.String(); got != tt.want {
			t.Errorf("%s in %s = %s, want %s", tt.in, tt.base, got, tt.want)
		}
	}
	for _, bad := range []string{"", "a..b", "a[x]", "a[-1]", "a[1", "[1]"} {
		if _, err := ParsePath(bad); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("ParsePath(%q) = %v, want ErrInvalidArgument", bad, err)
		}
	}
}
