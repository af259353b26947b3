// SPDX-License-Identifier: MIT

package render

import (
	"flag"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/sampledata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// setValue writes value at a dotted path (with [i] indices) of data type dt
// in sample data, creating objects on the way.
func setValue(t *testing.T, data map[string]any, dt, path string, value any) {
	t.Helper()
	p, err := expr.ParsePath(path)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := data[dt].(map[string]any)
	for i, seg := range p {
		last := i == len(p)-1
		if seg.Index >= 0 {
			list, _ := cur[seg.Name].([]any)
			for len(list) <= seg.Index {
				list = append(list, map[string]any{})
			}
			cur[seg.Name] = list
			if last {
				list[seg.Index] = value
				return
			}
			cur = list[seg.Index].(map[string]any)
			continue
		}
		if last {
			cur[seg.Name] = value
			return
		}
		next, ok := cur[seg.Name].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[seg.Name] = next
		}
		cur = next
	}
}

type goldenCase struct {
	name  string
	app   string
	page  string // "" renders the summary
	setup func(t *testing.T, a *app.App, in *PageInput)
}

var goldenCases = []goldenCase{
	{name: "frontend-test-changename-form", app: "frontend-test", page: "changename/form"},
	{name: "frontend-test-group-repeating-en", app: "frontend-test", page: "group/repeating", setup: func(t *testing.T, a *app.App, in *PageInput) {
		in.Language = "en"
		setValue(t, in.Data, "nested-group", "Endringsmelding-grp-9786.Avgiver-grp-9787.KontaktpersonEPost-datadef-27688.value", "Ja")
		in.OpenRows = []Target{{Component: "mainGroup", Rows: []int{1}}}
		in.Issues = []Issue{
			{Severity: SeverityError, Field: "Endringsmelding-grp-9786.OversiktOverEndringene-grp-9788[1].SkattemeldingEndringEtterFristNyttBelop-datadef-37132.value", Message: "Value must be above zero", Code: "custom"},
			{Severity: SeverityWarning, ComponentID: "currentValue-1", Message: "Check the old value"},
			{Severity: SeverityError, ComponentID: "mainGroup", Code: "minCount", Message: "Add at least three rows"},
		}
	}},
	{name: "component-library-input-nn", app: "component-library", page: "ComponentLayouts/InputPage", setup: func(t *testing.T, a *app.App, in *PageInput) {
		in.Language = "nn"
	}},
	{name: "component-library-repeating-issues", app: "component-library", page: "ComponentLayouts/RepeatingGroupPage", setup: func(t *testing.T, a *app.App, in *PageInput) {
		in.OpenRows = []Target{{Component: "RepeatingGroup", Rows: []int{0}}}
		in.Issues = []Issue{
			{Severity: SeverityError, Field: "RepeatingGroupExample[0].Name", Code: "required"},
			{Severity: SeverityError, Field: "RepeatingGroupExample[1].Name", Message: "Navnet er for langt"},
		}
	}},
	{name: "component-library-checkboxes-readonly", app: "component-library", page: "ComponentLayouts/CheckboxesPage", setup: func(t *testing.T, a *app.App, in *PageInput) {
		in.Mode = ReadOnly
	}},
	{name: "component-library-likert-en", app: "component-library", page: "ComponentLayouts/LikertPage", setup: func(t *testing.T, a *app.App, in *PageInput) {
		in.Language = "en"
	}},
	{name: "component-library-fileupload", app: "component-library", page: "ComponentLayouts/FileUploadPage"},
	{name: "payment-test-summary", app: "payment-test", page: ""},
}

func TestGolden(t *testing.T) {
	t.Parallel()
	r := New()
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			t.Parallel()
			a := loadApp(t, gc.app)
			in := PageInput{Context: Context{App: a, Data: sampledata.ForApp(a, sampledata.Options{}), Now: fixedNow,
				Elements: sampleElements(a), Payment: samplePayment(), DataLists: sampleLists(), URLs: QueryURLs{Base: "/ttd/app"}}}
			set, page, _ := strings.Cut(gc.page, "/")
			in.LayoutSet, in.Page = set, page
			if gc.setup != nil {
				gc.setup(t, a, &in)
			}
			var out template.HTML
			var err error
			if gc.page == "" {
				in.LayoutSet = a.LayoutSets[0].ID
				out, err = r.RenderSummary(SummaryInput{Context: in.Context, EditLinks: true})
			} else {
				out, err = r.RenderPage(in)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range a11yProblems(string(out)) {
				t.Error(p)
			}
			golden(t, filepath.Join("testdata", "golden", gc.name+".html"), pretty(string(out)))
		})
	}
}

// pretty puts block elements on their own lines so golden diffs are
// readable; the HTML means the same.
func pretty(s string) string {
	r := strings.NewReplacer("><div", ">\n<div", "><fieldset", ">\n<fieldset", "><section", ">\n<section",
		"><table", ">\n<table", "><tr", ">\n<tr", "><li", ">\n<li", "><h", ">\n<h", "><p", ">\n<p", "><button", ">\n<button", "><nav", ">\n<nav")
	return r.Replace(s) + "\n"
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run with -update to accept):\n%s", file, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n want %q\n got  %q", i+1, wl, gl)
		}
	}
	return ""
}
