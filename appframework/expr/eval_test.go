// SPDX-License-Identifier: MIT

package expr

import (
	"errors"
	"strings"
	"testing"
	"time"
)

type texts map[string]TextResource

func (m texts) Text(k string) (TextResource, bool) { r, ok := m[k]; return r, ok }

type options map[string][]Option

func (m options) Options(id string) ([]Option, bool) { o, ok := m[id]; return o, ok }

// fakeResolver resolves every id to one component bound to "Name".
type fakeResolver struct{ hidden bool }

func (f fakeResolver) Resolve(_ *Env, _ *Scope, id string) (*ComponentRef, error) {
	if id == "missing" {
		return nil, nil
	}
	return &ComponentRef{ID: id, Page: "Page1", Hidden: f.hidden, SimpleBinding: &Binding{Path: Path{{Name: "Choice", Index: -1}}},
		Options: []Option{{Value: String("a"), Label: "label.a"}, {Value: String("b"), Label: "Bee"}}}, nil
}

func testEnv() *Env {
	def := "fallback"
	return &Env{
		Data: &JSONData{Default: "m", Models: map[string]any{"m": map[string]any{
			"Name": "Kari", "Choice": "a,b", "Rows": []any{map[string]any{"X": 1.0}, map[string]any{"X": 2.0}},
		}}},
		Components: fakeResolver{},
		Texts: texts{
			"label.a":  {Value: "A-label"},
			"greeting": {Value: "Hei {0}, rad {1} {2}", Variables: []TextVariable{{Key: "Name", DataSource: "dataModel.default"}, {Key: "Rows[{0}].X", DataSource: "dataModel.default"}, {Key: "nope", DataSource: "dataModel.default", DefaultValue: &def}}},
		},
		Options:       options{"yesno": {{Value: Bool(true), Label: "Ja"}, {Value: Bool(false), Label: "Nei"}}},
		Instance:      &Instance{ID: "1337/abc", AppID: "ttd/app", OwnerPartyID: "1337"},
		Auth:          map[string]bool{"read": true},
		GatewayAction: "sign",
		TaskID:        "Task_1",
		TimeZone:      time.FixedZone("CET", 3600),
	}
}

func TestEval(t *testing.T) {
	t.Parallel()
	row := &Scope{Row: Path{{Name: "Rows", Index: 1}}, Option: &Option{Value: String("v"), Label: "L"}, Args: []Value{String("Rows[1].X")}}
	tests := []struct {
		in, want string
		scope    *Scope
	}{
		{`["language"]`, `"nb"`, nil},
		{`["gatewayAction"]`, `"sign"`, nil},
		{`["authContext", "read"]`, `true`, nil},
		{`["authContext", "sign"]`, `false`, nil},
		{`["instanceContext", "instanceOwnerPartyType"]`, `"unknown"`, nil},
		{`["text", "greeting"]`, `"Hei Kari, rad 2 fallback"`, row},
		{`["text", "no.such.key"]`, `"no.such.key"`, nil},
		{`["optionLabel", "yesno", true]`, `"Ja"`, nil},
		{`["optionLabel", "yesno", "maybe"]`, `null`, nil},
		{`["displayValue", "x"]`, `"A-label, Bee"`, nil},
		{`["component", "x"]`, `"a,b"`, nil},
		{`["dataModel", "Rows.X"]`, `2`, row},
		{`["argv", 0]`, `"Rows[1].X"`, row},
		{`["value"]`, `"v"`, row},
		{`["value", "label"]`, `"L"`, row},
		{`["linkToPage", "Gå <hit>", "Side2"]`, `"<a href=\"/instance/1337/abc/Task_1/Side2\" data-link-type=\"LinkToPotentialPage\">Gå &lt;hit&gt;</a>"`, nil},
		{`["linkToComponent", "Rett", "x", true]`, `"<a href=\"/instance/1337/abc/Task_1/Page1?focusComponentId=x\" data-link-type=\"LinkToPotentialNode\" target=\"_blank\" rel=\"noopener noreferrer\">Rett</a>"`, nil},
		{`["formatDate", "2024-05-17T22:30:00Z", "yyyy-MM-dd HH:mm"]`, `"2024-05-17 23:30"`, nil},
		{`["formatDate", "2024-05-17T22:30:00", "HH:mm"]`, `"22:30"`, nil},
		{`["round", 2.5]`, `"3"`, nil},
		{`["round", -2.5]`, `"-3"`, nil},
		{`["round", 1.005, 2]`, `"1.00"`, nil},
		{`["round", 1234567.891, 1]`, `"1234567.9"`, nil},
		{`["concat", 1e21, " ", 0.0000001, " ", 123.456]`, `"1e+21 1e-7 123.456"`, nil},
		{`["stringLength", "🌍"]`, `2`, nil},
		{`["stringSlice", "a🌍b", 1, 3]`, `"🌍"`, nil},
		{`["upperCaseFirst", "ærlig"]`, `"Ærlig"`, nil},
		{`["if", ["equals", ["dataModel", "Name"], "Kari"], ["list", 1], "else", null]`, `[1]`, nil},
		{`["jmespath", ["dataModel", "Rows"], "[].X"]`, `[1,2]`, nil},
		{`["jmespath", ["dataModel", "Rows"], ["concat", "[0]", ".X"]]`, `1`, nil},
		{`["average", ["list", 1, 2], null]`, `1.5`, nil},
		{`["divide", 1, 3]`, `0.3333333333333333`, nil},
		{`["compare", "2024-01-01", "not", "isAfter", "2024-01-02"]`, `true`, nil},
		{`["compare", null, "not", "lessThan", 1]`, `true`, nil},
	}
	env := testEnv()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			e, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.Eval(env, tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		kind error
		path string
		msg  string
	}{
		{`["component", "missing"]`, ErrNotFound, "$", "Unable to find component with identifier missing"},
		{`["dataModel", "a", "other"]`, ErrNotFound, "$", "data type other not found"},
		{`["not", ["dataModel", "Name"]]`, ErrType, "$[1]", `Expected boolean, got value "Kari"`},
		{`["plus", 1, ["dataModel", "Rows"]]`, ErrType, "$[2]", "Expected number"},
		{`["authContext", "fly"]`, ErrInvalidArgument, "$", "Unknown auth context property fly"},
		{`["value"]`, ErrUnavailable, "$", "option filter"},
		{`["argv", 0]`, ErrNotFound, "$", "No positional arguments available"},
		{`["optionLabel", "nope", 1]`, ErrNotFound, "$", "Unable to find options"},
		{`["divide", 1, ["minus", 1, 1]]`, ErrInvalidArgument, "$", "cannot divide by 0"},
		{`["jmespath", 1, ["concat", "#"]]`, ErrInvalidArgument, "$[2]", "Jmespath error"},
	}
	env := testEnv()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			e, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Eval(env, nil)
			var xe *Error
			if !errors.As(err, &xe) || !errors.Is(err, tt.kind) {
				t.Fatalf("got %v, want %v", err, tt.kind)
			}
			if xe.Path != tt.path || !strings.Contains(xe.Msg, tt.msg) {
				t.Errorf("got %s at %s, want %q at %s", xe.Msg, xe.Path, tt.msg, tt.path)
			}
		})
	}
}

func TestEvalHiddenComponent(t *testing.T) {
	t.Parallel()
	env := testEnv()
	env.Components = fakeResolver{hidden: true}
	for _, in := range []string{`["component", "x"]`, `["displayValue", "x"]`} {
		e, _ := Parse([]byte(in))
		if v, err := e.Eval(env, nil); err != nil || !v.IsNull() {
			t.Errorf("%s = %v, %v; want null", in, v, err)
		}
	}
}

func TestEvalBool(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		def  bool
		want bool
		err  bool
	}{
		{`true`, false, true, false},
		{`null`, true, true, false},
		{`["if", false, true]`, true, true, false},
		{`"1"`, false, true, false},
		{`"maybe"`, true, true, true},
	}
	for _, tt := range tests {
		e, err := Parse([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.EvalBool(nil, nil, tt.def)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("%s: got %v, %v", tt.in, got, err)
		}
	}
	var nilExpr *Expr
	if v, err := nilExpr.Eval(nil, nil); err != nil || !v.IsNull() {
		t.Errorf("nil expression: %v, %v", v, err)
	}
}

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	for f, want := range map[float64]string{
		0: "0", 1: "1", -1: "-1", 2.5: "2.5", 0.30000000000000004: "0.30000000000000004", 1e21: "1e+21", 1e20: "100000000000000000000",
		0.000001: "0.000001", 1e-7: "1e-7", -1.5e-10: "-1.5e-10", 123456789012345680: "123456789012345680",
	} {
		if got := formatNumber(f); got != want {
			t.Errorf("formatNumber(%v) = %s, want %s", f, got, want)
		}
	}
}
