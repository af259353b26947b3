// SPDX-License-Identifier: MIT

package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// TestGenerations loads the fixture apps in testdata/apps, one per ui/
// generation, and compares their descriptions with testdata/apps/<name>.txt.
func TestGenerations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dir  string
		gen  app.Generation
		sets int
	}{
		{"formlayout", app.FormLayout, 1},
		{"layouts", app.Layouts, 1},
		{"v9", app.TaskFolders, 3},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			t.Parallel()
			a, err := app.Load(os.DirFS(filepath.Join("testdata", "apps", tt.dir)), app.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Generation != tt.gen || len(a.LayoutSets) != tt.sets {
				t.Errorf("generation %s with %d sets, want %s with %d", a.Generation, len(a.LayoutSets), tt.gen, tt.sets)
			}
			t.Logf("app %s: %s", tt.dir, a.Summary())
			golden(t, filepath.Join("testdata", "apps", tt.dir+".txt"), a.Describe()+issueList(a))
		})
	}
}

func issueList(a *app.App) string {
	s := ""
	for _, is := range a.Issues {
		s += is.String() + "\n"
	}
	return s
}

func TestFormLayoutApp(t *testing.T) {
	t.Parallel()
	a, err := app.Load(os.DirFS("testdata/apps/formlayout"), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := a.Model("skjema")
	if m == nil || !m.Converted || m.Fields.Lookup("Barn.Fornavn") == nil || !m.Fields.Lookup("Barn").Repeating {
		t.Fatalf("model from XSD: %+v", m)
	}
	set := a.LayoutSetForTask("Task_1")
	if set == nil || set.ID != "" || set.DataType != "skjema" {
		t.Fatalf("set %+v", set)
	}
	barn := set.Component("barn")
	if barn.Type != "RepeatingGroup" || barn.WrittenType != "Group" || len(barn.Children) != 1 {
		t.Errorf("barn %s/%s children %d", barn.Type, barn.WrittenType, len(barn.Children))
	}
	if rg := set.Component("fornavn").RowGroups(); len(rg) != 1 || rg[0] != barn {
		t.Errorf("row groups of fornavn: %v", rg)
	}
	if d := a.Metadata.DataType("skjema"); d.MaxCount != 1 || d.MinCount != 1 {
		t.Errorf("defaults: %d..%d", d.MinCount, d.MaxCount)
	}
}

func TestLayoutsApp(t *testing.T) {
	t.Parallel()
	a, err := app.Load(os.DirFS("testdata/apps/layouts"), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := a.LayoutSets[0]
	var order []string
	for _, p := range set.Pages {
		order = append(order, p.ID)
	}
	if got := join(order); got != "Side1 Side2 Gammal" || set.Page("Gammal").InOrder {
		t.Errorf("pages %s", got)
	}
	if a.LibVersion != "7.6.0" || a.FrontendMajor != 3 {
		t.Errorf("versions %q %d", a.LibVersion, a.FrontendMajor)
	}
	if set.RuleHandler == "" {
		t.Error("RuleHandler.js not found")
	}
	if c := set.Component("adresse"); c.Type != "Address" {
		t.Errorf("adresse is %s", c.Type)
	}
	if set.Component("likert-rad") != nil || set.Component("likert-gruppe").Type != "Likert" {
		t.Error("v3 likert not merged")
	}
	if d := a.Metadata.DataType("vedlegg"); join(d.AllowedContributors) != "app:owned" {
		t.Errorf("allowedContributers: %v", d.AllowedContributors)
	}
	v := a.Validations["model"]
	if v == nil || len(v.Fields) != 1 || len(v.Fields[0].Rules) != 2 {
		t.Fatalf("validation %+v", v)
	}
	r, err := v.Fields[0].Rules[0].Resolve(v.Definitions)
	if err != nil || r.Message.String() != `"postnr.lengde"` || !r.Condition.IsSet() {
		t.Errorf("resolved %+v %v", r, err)
	}
	if opts, ok := a.Options("skala"); !ok || len(opts) != 3 || !opts[2].Value.IsNull() {
		t.Errorf("options %v", opts)
	}
}

func TestV9App(t *testing.T) {
	t.Parallel()
	var gotProcess, gotPolicy string
	a, err := app.Load(os.DirFS("testdata/apps/v9"), app.Options{
		ParseProcess: func(file string, data []byte) (any, error) { gotProcess = file; return len(data), nil },
		ParsePolicy:  func(file string, data []byte) (any, error) { gotPolicy = file; return "policy", nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if gotProcess != "App/config/process/process.bpmn" || a.Process.Definition == nil || gotPolicy != "App/config/authorization/policy.xml" || a.Policy.Definition != "policy" {
		t.Errorf("hooks: %q %v %q %v", gotProcess, a.Process.Definition, gotPolicy, a.Policy.Definition)
	}
	sub := a.LayoutSet("sub")
	if sub.Type != "subform" || len(sub.Tasks) != 0 || sub.DataType != "rad" {
		t.Errorf("sub %+v", sub)
	}
	if t2 := a.LayoutSetForTask("Task_2"); t2 == nil || t2.DataType != "model" {
		t.Errorf("Task_2 set %+v", t2)
	}
	t1 := a.LayoutSetForTask("Task_1")
	if got := join(t1.Settings.PageOrder()); got != "Skjema Rader" {
		t.Errorf("page order %s", got)
	}
	if a.UISettings == nil || a.UISettings.Pages.ShowProgress == nil {
		t.Error("global ui/Settings.json not read")
	}
	namn := t1.Component("ansatt-namn")
	if rg := namn.RowGroups(); len(rg) != 2 || rg[0].ID != "bedrifter" || rg[1].ID != "ansatte" {
		t.Errorf("row groups %v", rg)
	}
	if rg := t1.Component("sum").RowGroups(); len(rg) != 0 {
		t.Errorf("rowsAfter component repeats: %v", rg)
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}
