// SPDX-License-Identifier: MIT

package diff_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/diff"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

const (
	form   = "App/ui/form/layouts/Form.json"
	nb     = "App/config/texts/resource.nb.json"
	schema = "App/models/data.schema.json"
	meta   = "App/config/applicationmetadata.json"
	bpmn   = "App/config/process/process.bpmn"
	pol    = "App/config/authorization/policy.xml"
)

const extraInput = `{
        "id": "Input-extra",
        "type": "Input",
        "textResourceBindings": { "title": "Form.Input-year.title" },
        "dataModelBindings": { "simpleBinding": "form.name" }
      },
      {
        "id": "Input-name",`

// TestDiff edits signing-test and checks the exact changes reported, as
// "kind area id [language]" plus one detail sentence.
func TestDiff(t *testing.T) {
	t.Parallel()
	base := corpusApp(t, "signing-test")
	before := load(t, base)
	tests := []struct {
		name   string
		edits  []edit
		want   []string
		detail string
	}{
		{"nothing", nil, nil, ""},
		{"component added", []edit{{file: form, old: `{
        "id": "Input-name",`, new: extraInput}},
			[]string{"added component Input-extra"}, `component "Input-extra" (Input) added to page "Form" of layout set "form"`},
		{"component changed", []edit{{file: form, old: `"autocomplete": "organization"`, new: `"autocomplete": "off"`}},
			[]string{"changed component Input-name"}, `component "Input-name" on page "Form" of layout set "form" changed: autocomplete`},
		{"component renamed", []edit{{file: form, old: `"id": "Input-year"`, new: `"id": "Input-aar"`}},
			[]string{"renamed component Input-aar"}, `component "Input-year" renamed to "Input-aar" on page "Form" of layout set "form"`},
		{"page renamed", []edit{{file: form, old: "", new: ""}, {file: "App/ui/form/layouts/Skjema.json", new: string(base[form].Data)},
			{file: "App/ui/form/Settings.json", old: `"Form"`, new: `"Skjema"`}},
			[]string{"renamed page Skjema"}, `page "Form" of layout set "form" renamed to "Skjema"`},
		{"page added", []edit{{file: "App/ui/form/layouts/Extra.json", new: `{"data": {"layout": [{"id": "extra-header", "type": "Header", "size": "L"}]}}`},
			{file: "App/ui/form/Settings.json", old: `"Form"`, new: `"Form", "Extra"`}},
			[]string{"added page Extra"}, `page "Extra" of layout set "form" added with 1 component`},
		{"component moved", []edit{{file: "App/ui/form/layouts/Extra.json", new: `{"data": {"layout": [{"id": "extra-header", "type": "Header", "size": "L"}, {
        "id": "Header-form",
        "type": "Header",
        "textResourceBindings": {
          "title": "Form.Header-form.title"
        },
        "size": "L"
      }]}}`}, {file: form, old: `{
        "id": "Header-form",
        "type": "Header",
        "textResourceBindings": {
          "title": "Form.Header-form.title"
        },
        "size": "L"
      },`, new: ""}, {file: "App/ui/form/Settings.json", old: `"Form"`, new: `"Form", "Extra"`}},
			[]string{"added page Extra", "changed component Header-form"}, `component "Header-form" moved from page "Form" of layout set "form" to page "Extra" of layout set "form"`},
		{"text changed", []edit{{file: nb, old: `"value": "Inntektsår"`, new: `"value": "Inntektsåret"`}},
			[]string{"changed text Form.Input-year.title nb"}, `text "Form.Input-year.title" changed in nb: "Inntektsår" → "Inntektsåret"`},
		{"text renamed", []edit{{file: nb, old: `"id": "Form.Input-year.title"`, new: `"id": "Form.year.title"`}},
			[]string{"renamed text Form.year.title"}, `text "Form.Input-year.title" renamed to "Form.year.title"`},
		{"language added", []edit{{file: "App/config/texts/resource.nn.json", new: strings.Replace(string(base[nb].Data), `"nb"`, `"nn"`, 1)}},
			[]string{"added text  nn"}, ""},
		{"option added", []edit{{file: "App/options/revenue-sources.json", old: `[`, new: `[{"label": "Annet", "value": "z"},`}},
			[]string{"changed option list revenue-sources"}, `option list "revenue-sources" changed: option "z" added`},
		{"field renamed", []edit{{file: schema, old: `"year"`, new: `"aar"`, all: true}},
			[]string{"renamed data model field form.aar"}, `field "form.year" renamed to "form.aar" in data model "data"`},
		{"field type changed", []edit{{file: schema, old: `"type": "integer",
          "title": "År"`, new: `"type": "string",
          "title": "År"`}},
			[]string{"changed data model field form.year"}, `field "form.year" in data model "data" changed: type integer → string`},
		{"group renamed", []edit{{file: schema, old: `"form": {
      "$ref"`, new: `"skjema": {
      "$ref"`}, {file: schema, old: `"required": [
    "form"`, new: `"required": [
    "skjema"`}},
			[]string{"renamed data model field skjema"}, `field "form" renamed to "skjema" in data model "data"`},
		{"data type changed", []edit{{file: meta, old: `"maxCount": 1`, new: `"maxCount": 2`}},
			nil, ""},
		{"task renamed", []edit{{file: bpmn, old: "Task_3", new: "Task_9", all: true}},
			[]string{"changed task Gateway_0", "renamed task Task_9"}, `task "Task_3" renamed to "Task_9"`},
		{"task changed", []edit{{file: bpmn, old: `name="Confirm2"`, new: `name="Attestering"`}},
			[]string{"changed task Task_3"}, `task "Task_3" changed: name "Confirm2" → "Attestering"`},
		{"policy rule removed", []edit{{file: pol, old: `RuleId="urn:altinn:example:ruleid:1"`, new: `RuleId="urn:altinn:example:ruleid:1b"`}},
			[]string{"renamed policy rule urn:altinn:example:ruleid:1b"}, `policy rule "urn:altinn:example:ruleid:1" renamed to "urn:altinn:example:ruleid:1b"`},
		{"setting changed", []edit{{file: meta, old: `"id": "ttd/signing-test"`, new: `"id": "ttd/signing-test-2"`}},
			[]string{"changed setting id"}, `setting id in applicationmetadata.json changed: id "ttd/signing-test" → "ttd/signing-test-2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			after := load(t, edited(t, base, tt.edits))
			changes := diff.Diff(before, after)
			var got []string
			for _, c := range changes {
				got = append(got, strings.TrimSpace(string(c.Kind)+" "+string(c.Area)+" "+c.ID+" "+c.Language))
			}
			if tt.name == "data type changed" {
				// signing-test has several maxCount 1; the first is the form.
				if len(changes) != 1 || changes[0].Area != diff.AreaDataType || !strings.Contains(changes[0].Detail, "maxCount 1 → 2") {
					t.Fatalf("got %q", changes)
				}
				return
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("changes = %q, want %q\n%s", got, tt.want, text(changes))
			}
			if tt.detail != "" && !slices.ContainsFunc(changes, func(c diff.Change) bool { return c.Detail == tt.detail }) {
				t.Errorf("no change says %q:\n%s", tt.detail, text(changes))
			}
		})
	}
}

// TestDiffCorpus diffs every corpus app with itself (no changes) and with
// nothing (everything added).
func TestDiffCorpus(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"component-library", "expression-validation-test", "frontend-test", "multiple-datamodels-test",
		"payment-test", "signing-test", "stateless-app", "subform-test"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := load(t, os.DirFS(testcorpus.Path(t, "apps", name)))
			if cs := diff.Diff(a, a); len(cs) != 0 {
				t.Fatalf("self diff:\n%s", text(cs))
			}
			cs := diff.Diff(nil, a)
			if len(cs) == 0 {
				t.Fatal("nothing added")
			}
			for _, c := range cs {
				if c.Kind != diff.Added && c.Area != diff.AreaSetting {
					t.Errorf("from nothing: %s", c.Detail)
				}
			}
			var buf bytes.Buffer
			if err := diff.WriteJSON(&buf, cs); err != nil || !json.Valid(buf.Bytes()) {
				t.Fatalf("json: %v", err)
			}
		})
	}
}

func text(cs []diff.Change) string {
	var b strings.Builder
	_ = diff.WriteText(&b, cs)
	return b.String()
}

// TestDiffBadInput diffs apps loaded without the standard parsers, whose
// process or policy does not parse: the rest is still compared.
func TestDiffBadInput(t *testing.T) {
	t.Parallel()
	base := corpusApp(t, "signing-test")
	before, err := app.Load(base, app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, err := app.Load(edited(t, base, []edit{
		{file: bpmn, new: "<bpmn:definitions"},
		{file: pol, new: `<Policy xmlns="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" RuleCombiningAlgId="x"/>`},
		{file: nb, old: `"value": "Inntektsår"`, new: `"value": "År"`},
	}), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := text(diff.Diff(before, after))
	for _, want := range []string{"the new process definition could not be read", `text "Form.Input-year.title" changed in nb`, `policy rule "urn:altinn:example:ruleid:1" removed`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}
