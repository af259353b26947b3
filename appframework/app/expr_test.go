// SPDX-License-Identifier: MIT

package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

const v9Data = `{
	"Sum": 5, "Orgnr": "123",
	"Bedrifter": [
		{"Navn": "Alfa AS", "Ansatte": [{"Namn": "", "Alder": 30}, {"Namn": "Kari", "Alder": 12}]},
		{"Navn": "Skjult AS", "Skjul": true, "Ansatte": [{"Alder": 40}]}
	]
}`

func v9Tree(t *testing.T, data string, lang string) (*app.App, *app.LayoutSet, *expr.Env, *layouttree.Tree) {
	t.Helper()
	a, err := app.Load(os.DirFS("testdata/apps/v9"), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var model any
	if err := json.Unmarshal([]byte(data), &model); err != nil {
		t.Fatal(err)
	}
	set := a.LayoutSetForTask("Task_1")
	env := a.Env(&expr.JSONData{Default: set.DataType, Models: map[string]any{set.DataType: model}}, lang)
	tree, err := set.NewTree(env)
	if err != nil {
		t.Fatal(err)
	}
	return a, set, env, tree
}

// TestExpressionsOverLoadedApp evaluates the loaded components' hidden and
// required expressions per repeating-group row, as a validation engine will.
func TestExpressionsOverLoadedApp(t *testing.T) {
	t.Parallel()
	_, set, env, tree := v9Tree(t, v9Data, "nb")
	tests := []struct {
		id       string
		rows     []int
		hidden   bool
		required bool
	}{
		{"bedrift-navn", []int{0}, false, true},
		{"bedrift-navn", []int{1}, true, true}, // hiddenRow
		{"ansatt-alder", []int{0, 0}, false, false},
		{"ansatt-namn", []int{0, 0}, false, true},  // age 30 > 17
		{"ansatt-namn", []int{0, 1}, false, false}, // age 12
		{"ansatt-alder", []int{1, 0}, true, false}, // row hidden, and bedrift-navn is "Skjult AS"
		{"sum", nil, false, false},
	}
	for _, tt := range tests {
		n := tree.Find("Skjema", tt.id, tt.rows)
		if n == nil {
			t.Fatalf("%s%v not in the tree", tt.id, tt.rows)
		}
		hidden, err := n.Hidden(env)
		if err != nil {
			t.Fatal(err)
		}
		c := set.NodeOf(n)
		if c == nil || c.ID != tt.id {
			t.Fatalf("NodeOf %s: %v", tt.id, c)
		}
		required, err := c.Required.Bool(env, n.Scope(), false)
		if err != nil {
			t.Fatalf("%s%v required: %v", tt.id, tt.rows, err)
		}
		if hidden != tt.hidden || required != tt.required {
			t.Errorf("%s%v: hidden %v required %v, want %v %v", tt.id, tt.rows, hidden, required, tt.hidden, tt.required)
		}
	}
}

func TestTextsAndOptions(t *testing.T) {
	t.Parallel()
	_, _, env, tree := v9Tree(t, v9Data, "en")
	row1 := tree.Find("Skjema", "bedrift-navn", []int{1})
	for _, tt := range []struct {
		in, want string
		scope    *expr.Scope
	}{
		{`["text", "tittel"]`, `"Company Skjult AS"`, row1.Scope()},
		{`["text", "berre-nb"]`, `"Berre på bokmål"`, row1.Scope()}, // nb fallback
		{`["text", "finst-ikkje"]`, `"finst-ikkje"`, row1.Scope()},
		{`["language"]`, `"en"`, row1.Scope()},
		{`["component", "bedrift-navn"]`, `null`, row1.Scope()}, // the row is hidden
		{`["component", "bedrift-navn"]`, `"Alfa AS"`, tree.Find("Skjema", "ansatt-namn", []int{0, 1}).Scope()},
		{`["dataModel", "Bedrifter.Navn"]`, `"Skjult AS"`, row1.Scope()},
	} {
		e, err := expr.Parse([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Eval(env, tt.scope)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got.String() != tt.want {
			t.Errorf("%s = %s, want %s", tt.in, got, tt.want)
		}
	}

	a, err := app.Load(os.DirFS("testdata/apps/layouts"), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lenv := a.Env(&expr.JSONData{Default: "model", Models: map[string]any{"model": map[string]any{}}}, "nb")
	e, _ := expr.Parse([]byte(`["optionLabel", "skala", "1"]`))
	if got, err := e.Eval(lenv, &expr.Scope{}); err != nil || got.String() != `"Lite"` {
		t.Errorf("optionLabel = %v, %v", got, err)
	}
}

// TestCorpusHidden expands every layout set of every corpus app with an
// empty data model and evaluates every hidden expression: loaded apps must
// be usable by the expression engine as they are.
func TestCorpusHidden(t *testing.T) {
	t.Parallel()
	dir, names := corpusApps(t)
	for _, name := range names {
		a, err := app.Load(os.DirFS(filepath.Join(dir, name)), app.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, set := range a.LayoutSets {
			models := map[string]any{}
			for id := range a.Models {
				models[id] = map[string]any{}
			}
			env := a.Env(&expr.JSONData{Default: set.DataType, Models: models}, "nb")
			tree, err := set.NewTree(env)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, set.ID, err)
			}
			nodes := 0
			tree.Walk(func(n *layouttree.Node) {
				nodes++
				if _, err := n.Hidden(env); err != nil {
					t.Errorf("%s/%s %s: %v", name, set.ID, n.ID(), err)
				}
			})
			if nodes == 0 && len(set.Components) > 0 {
				t.Errorf("%s/%s: empty tree", name, set.ID)
			}
		}
	}
}

// TestRowLookupBindingSpelling reads a repeating-group row from inside the
// row whether the bindings name the set's data type or leave it implicit.
// Naming it on the group once made row lookups miss and return null.
func TestRowLookupBindingSpelling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, group, child string
	}{
		{"implicit", `"Rader"`, `"Rader.Navn"`},
		{"explicit group", `{"dataType": "model", "field": "Rader"}`, `"Rader.Navn"`},
		{"explicit child", `"Rader"`, `{"dataType": "model", "field": "Rader.Navn"}`},
		{"explicit both", `{"dataType": "model", "field": "Rader"}`, `{"dataType": "model", "field": "Rader.Navn"}`},
	}
	exprs := []string{
		`["component", "radnavn"]`,
		`["dataModel", "Rader.Navn"]`,
		`["dataModel", "Rader.Navn", "model"]`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page := layout(`{"id": "rader", "type": "RepeatingGroup", "dataModelBindings": {"group": ` + tt.group + `}, "children": ["radnavn"]},
				{"id": "radnavn", "type": "Input", "dataModelBindings": {"simpleBinding": ` + tt.child + `}}`)
			a, err := app.Load(miniApp(page, nil), app.Options{})
			if err != nil {
				t.Fatal(err)
			}
			set := a.LayoutSetForTask("Task_1")
			model := map[string]any{"Rader": []any{map[string]any{"Navn": "a"}, map[string]any{"Navn": "b"}}}
			env := a.Env(&expr.JSONData{Default: set.DataType, Models: map[string]any{set.DataType: model}}, "nb")
			tree, err := set.NewTree(env)
			if err != nil {
				t.Fatal(err)
			}
			for row, want := range []string{`"a"`, `"b"`} {
				n := tree.Find("P", "radnavn", []int{row})
				if n == nil {
					t.Fatalf("radnavn[%d] not in the tree", row)
				}
				for _, in := range exprs {
					e, err := expr.Parse([]byte(in))
					if err != nil {
						t.Fatal(err)
					}
					got, err := e.Eval(env, n.Scope())
					if err != nil || got.String() != want {
						t.Errorf("row %d: %s = %s %v, want %s", row, in, got, err, want)
					}
				}
			}
		})
	}
}
