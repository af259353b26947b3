// SPDX-License-Identifier: MIT

package layouttree

import (
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
)

func page(id, layout string) PageSource {
	return PageSource{ID: id, JSON: []byte(`{"data": {"layout": ` + layout + `}}`)}
}

func TestParseInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, layout, msg string
	}{
		{"duplicate id", `[{"id": "a", "type": "Input"}, {"id": "a", "type": "Input"}]`, `duplicate component id "a"`},
		{"missing child", `[{"id": "g", "type": "Group", "children": ["x"]}]`, `child "x", which does not exist`},
		{"claimed twice", `[{"id": "g1", "type": "Group", "children": ["x"]}, {"id": "g2", "type": "Group", "children": ["x"]}, {"id": "x", "type": "Input"}]`, `"g1" already claims`},
		{"group without binding", `[{"id": "g", "type": "RepeatingGroup", "children": []}]`, "group data model binding"},
		{"bad hidden", `[{"id": "a", "type": "Input", "hidden": ["nope"]}]`, `Function "nope" not implemented`},
		{"bad binding", `[{"id": "a", "type": "Input", "dataModelBindings": {"simpleBinding": "a..b"}}]`, "empty segment"},
		{"no id", `[{"type": "Input"}]`, "missing id"},
		{"not json", `[`, "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse([]PageSource{page("P", tt.layout)})
			if !errors.Is(err, ErrInvalidLayout) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v, want ErrInvalidLayout containing %q", err, tt.msg)
			}
		})
	}
}

const groupLayout = `[
	{"id": "top", "type": "Input", "dataModelBindings": {"simpleBinding": "Top"}},
	{"id": "g", "type": "RepeatingGroup", "dataModelBindings": {"group": "Rows"}, "children": ["0:name", "age"],
	 "hiddenRow": ["equals", ["dataModel", "Rows.Hide"], true]},
	{"id": "name", "type": "Input", "dataModelBindings": {"simpleBinding": "Rows.Name"}},
	{"id": "age", "type": "Input", "dataModelBindings": {"simpleBinding": "Rows.Age"}, "hidden": ["lessThan", ["component", "age"], 0]}
]`

func build(t *testing.T, pages ...PageSource) (*Tree, *expr.Env) {
	t.Helper()
	l, err := Parse(pages)
	if err != nil {
		t.Fatal(err)
	}
	env := &expr.Env{Data: &expr.JSONData{Default: "m", Models: map[string]any{"m": map[string]any{
		"Top":  "top value",
		"Rows": []any{map[string]any{"Name": "Ola", "Age": 30.0}, map[string]any{"Name": "Kari", "Age": 18.0, "Hide": true}},
	}}}}
	tree, err := l.Expand(env)
	if err != nil {
		t.Fatal(err)
	}
	env.Components = tree
	return tree, env
}

func TestResolve(t *testing.T) {
	t.Parallel()
	tree, env := build(t, page("P", groupLayout), page("Q", `[{"id": "other", "type": "Paragraph"}]`))
	row0 := tree.Find("P", "name", []int{0})
	row1 := tree.Find("P", "name", []int{1})
	other := tree.Find("Q", "other", nil)
	if row0 == nil || row1 == nil || other == nil {
		t.Fatal("Find failed")
	}
	tests := []struct {
		from *Node
		in   string
		want string
	}{
		{row0, `["component", "name"]`, `"Ola"`},
		{row1, `["component", "name"]`, `null`}, // row 1 is hidden by hiddenRow
		{row0, `["component", "top"]`, `"top value"`},
		{other, `["component", "top"]`, `"top value"`},
		{row0, `["dataModel", "Rows.Name"]`, `"Ola"`},
	}
	for _, tt := range tests {
		e, err := expr.Parse([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Eval(env, tt.from.Scope())
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got.String() != tt.want {
			t.Errorf("%s from %s%v = %s, want %s", tt.in, tt.from.ID(), tt.from.Rows(), got, tt.want)
		}
	}
	e, _ := expr.Parse([]byte(`["component", "name"]`))
	if _, err := e.Eval(env, other.Scope()); !errors.Is(err, expr.ErrNotFound) {
		t.Errorf("lookup into rows from outside: got %v, want ErrNotFound", err)
	}
}

// TestHiddenCycle checks that a hidden expression that depends on itself is
// an error, not endless recursion.
func TestHiddenCycle(t *testing.T) {
	t.Parallel()
	tree, env := build(t, page("P", groupLayout))
	age := tree.Find("P", "age", []int{0})
	if _, err := age.Hidden(env); err == nil || !strings.Contains(err.Error(), "depends on itself") {
		t.Errorf("got %v", err)
	}
}

func TestExpandShapes(t *testing.T) {
	t.Parallel()
	tree, _ := build(t, page("P", `[
		{"id": "grid", "type": "Grid", "rows": [{"cells": [{"text": "x"}, {"component": "a"}]}]},
		{"id": "a", "type": "Input"},
		{"id": "cards", "type": "Cards", "cards": [{"children": ["b"]}]},
		{"id": "b", "type": "Input"},
		{"id": "tabs", "type": "Tabs", "tabs": [{"children": ["c"]}]},
		{"id": "c", "type": "Input"},
		{"id": "legacy", "type": "Group", "maxCount": 5, "dataModelBindings": {"group": "Rows"}, "children": ["d"]},
		{"id": "d", "type": "Input"}
	]`))
	var got []string
	tree.Walk(func(n *Node) {
		if !n.Row {
			got = append(got, n.ID()+rowsOf(n))
		}
	})
	want := "P grid a cards b tabs c legacy d[0] d[1]"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

func rowsOf(n *Node) string {
	if len(n.Rows()) == 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range n.Rows() {
		b.WriteString("[" + string(rune('0'+r)) + "]")
	}
	return b.String()
}

// TestNewComponent checks the view made from typed components, Likert rows
// included, and that Source leads back to the typed component.
func TestNewComponent(t *testing.T) {
	t.Parallel()
	tree, _ := build(t, page("P", `[
		{"id": "survey", "type": "Likert", "optionsId": "scale", "required": true,
		 "dataModelBindings": {"questions": "Rows", "answer": "Rows.Name"}},
		{"id": "panel", "type": "Group", "children": ["in"]},
		{"id": "in", "type": "Input", "dataModelBindings": {"simpleBinding": "Top"}}
	]`))
	survey := tree.Find("P", "survey", nil)
	if survey == nil || !survey.Comp.Repeating || len(survey.Children) != 2 || !survey.Children[1].Row {
		t.Fatalf("likert rows: %+v", survey)
	}
	if got := survey.Children[1].Scope().Row.String(); got != "Rows[1]" {
		t.Errorf("row path %s", got)
	}
	in := tree.Find("P", "in", nil)
	if in.Comp.Source == nil || in.Comp.Source.Type != "Input" || in.Parent.Comp.ID != "panel" {
		t.Errorf("source %+v", in.Comp.Source)
	}
	if !survey.Comp.Source.Required.IsSet() {
		t.Error("required not reachable through Source")
	}
}
