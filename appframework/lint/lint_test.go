// SPDX-License-Identifier: MIT

package lint_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/appframework/process"
)

const minimal = "testdata/minimal"

func TestMinimalIsClean(t *testing.T) {
	t.Parallel()
	r, err := lint.Lint(os.DirFS(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 0 || r.App != "ttd/minimal" {
		t.Fatalf("app %q findings:\n%v", r.App, r.Findings)
	}
}

func TestNotAnApp(t *testing.T) {
	t.Parallel()
	_, err := lint.Lint(fstest.MapFS{"README.md": {Data: []byte("hi")}})
	if !errors.Is(err, lint.ErrNotApp) {
		t.Fatalf("err = %v, want ErrNotApp", err)
	}
}

// deepExpr is an expression nested n levels deep.
func deepExpr(n int) string {
	return strings.Repeat(`["not",`, n) + "true" + strings.Repeat("]", n)
}

// TestFindings edits the minimal app and checks that each edit gives its
// finding, with the file and pointer (or line) it is about.
func TestFindings(t *testing.T) {
	t.Parallel()
	const (
		page1  = "App/ui/form/layouts/page1.json"
		page2  = "App/ui/form/layouts/page2.json"
		meta   = "App/config/applicationmetadata.json"
		policy = "App/config/authorization/policy.xml"
		bpmn   = "App/config/process/process.bpmn"
	)
	tests := []struct {
		name     string
		edits    map[string]string
		code     string
		sev      lint.Severity
		file     string
		pointer  string
		line     bool // the finding has a line instead of a pointer
		alsoCode string
	}{
		{"binding to a missing field", map[string]string{page1: replace(t, minimal, page1, `"simpleBinding": "name"`, `"simpleBinding": "nmae"`)},
			"binding-unknown-field", lint.Error, page1, "/data/layout/1/dataModelBindings/simpleBinding", false, ""},
		{"binding in a row", map[string]string{page2: replace(t, minimal, page2, `"pets.name"`, `"pets.nick"`)},
			"binding-unknown-field", lint.Error, page2, "/data/layout/1/dataModelBindings/simpleBinding", false, ""},
		{"text key missing everywhere", map[string]string{page1: replace(t, minimal, page1, `"name.label" }, "dataModelBindings": { "simpleBinding": "name"`, `"name.lable" }, "dataModelBindings": { "simpleBinding": "name"`)},
			"text-missing", lint.Warning, page1, "/data/layout/1/textResourceBindings/title", false, ""},
		{"text key missing in nn", map[string]string{"App/config/texts/resource.nn.json": replace(t, minimal, "App/config/texts/resource.nn.json", `"pets.label"`, `"pets.lbl"`)},
			"text-missing-language", lint.Warning, "App/config/texts/resource.nn.json", "/resources", false, ""},
		{"option list missing", map[string]string{"App/options/colors.json": ""},
			"option-list-missing", lint.Warning, page1, "/data/layout/3/optionsId", false, ""},
		{"child that does not exist", map[string]string{page2: replace(t, minimal, page2, `"children": ["pet-name"]`, `"children": ["pet-name", "pet-age"]`)},
			"bad-child", lint.Warning, page2, "/data/layout/0/children/1", false, ""},
		{"duplicate id", map[string]string{page2: replace(t, minimal, page2, `"id": "nav2"`, `"id": "nav1"`)},
			"duplicate-id", lint.Error, page2, "/data/layout/4/id", false, ""},
		{"unknown component type", map[string]string{page1: replace(t, minimal, page1, `"type": "NavigationButtons"`, `"type": "Sparkles"`)},
			"unknown-type", lint.Warning, page1, "/data/layout/4/type", false, ""},
		{"layout set names an unknown task", map[string]string{"App/ui/layout-sets.json": `{"sets":[{"id":"form","dataType":"model","tasks":["Task_1","Task_9"]}]}`},
			"process-layout-set-unknown-task", lint.Warning, bpmn, "", false, ""},
		{"data task without layout set", map[string]string{"App/ui/layout-sets.json": `{"sets":[{"id":"form","dataType":"model","tasks":["Task_2"]}]}`},
			"process-no-layout-set", lint.Error, bpmn, "", true, "process-layout-set-unknown-task"},
		{"data type of an unknown task", map[string]string{meta: replace(t, minimal, meta, `"taskId": "Task_1", "maxCount": 3`, `"taskId": "Task_7", "maxCount": 3`)},
			"process-data-type-unknown-task", lint.Warning, bpmn, "", false, ""},
		{"upload without data type", map[string]string{meta: replace(t, minimal, meta, `"id": "vedlegg"`, `"id": "attachments"`)},
			"attachment-data-type-missing", lint.Error, page2, "/data/layout/2/id", false, ""},
		{"expression of the wrong type", map[string]string{page1: replace(t, minimal, page1, `"hidden": ["equals", ["dataModel", "name"], ""]`, `"hidden": ["equals", ["dataModel", "name"], ["concat", "a", ["not", "x"]]]`)},
			"expr-type", lint.Error, page1, "/data/layout/2/hidden/2/2/1", false, ""},
		{"expression reads a missing field", map[string]string{page1: replace(t, minimal, page1, `["dataModel", "name"]`, `["dataModel", "navn"]`)},
			"expr-unknown-field", lint.Warning, page1, "/data/layout/2/hidden/1/1", false, ""},
		{"expression names a missing component", map[string]string{page2: replace(t, minimal, page2, `["component", "name"]`, `["component", "nome"]`)},
			"expr-unknown-component", lint.Warning, page2, "/data/layout/1/readOnly/1/1", false, ""},
		{"expression calls an unknown function", map[string]string{page1: replace(t, minimal, page1, `"hidden": ["equals"`, `"hidden": ["equalz"`)},
			"expr-unknown-function", lint.Error, page1, "/data/layout/2/hidden/0", false, ""},
		{"validation condition calls an unknown function", map[string]string{"App/models/model.validation.json": `{"validations":{"age":[{"condition":["lesThan",1,2],"message":"age.error"}]}}`},
			"expr-unknown-function", lint.Error, "App/models/model.validation.json", "/validations/age/0/condition/0", false, ""},
		{"10,000-deep expression", map[string]string{page1: replace(t, minimal, page1, `"hidden": ["equals", ["dataModel", "name"], ""]`, `"hidden": `+deepExpr(10000))},
			"json-syntax", lint.Error, page1, "", true, ""},
		{"200-deep expression", map[string]string{page1: replace(t, minimal, page1, `"hidden": ["equals", ["dataModel", "name"], ""]`, `"hidden": `+deepExpr(200))},
			"expr-too-deep", lint.Error, page1, "", false, ""},
		{"child cycle", map[string]string{page2: replace(t, minimal, page2, `{ "id": "summary-name", "type": "Summary", "componentRef": "name" }`,
			`{ "id": "g1", "type": "Group", "children": ["g2"] }, { "id": "g2", "type": "Group", "children": ["g1"] }`)},
			"child-cycle", lint.Error, page2, "/data/layout/3", false, ""},
		{"policy with an unknown attribute", map[string]string{policy: replace(t, minimal, policy, `AttributeId="urn:altinn:rolecode"`, `AttributeId="urn:altinn:shoesize"`)},
			"policy-unknown-attribute", lint.Error, policy, "", true, ""},
		{"action nobody may perform", map[string]string{policy: replace(t, minimal, policy, `>write<`, `>wrote<`)},
			"policy-action-denied", lint.Warning, policy, "", false, ""},
		{"policy about an unknown task", map[string]string{policy: replace(t, minimal, policy, `>Task_1<`, `>Task_3<`)},
			"policy-task-unknown", lint.Warning, policy, "", true, "policy-action-denied"},
		{"malformed BPMN", map[string]string{bpmn: `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">`},
			"process-malformed", lint.Error, bpmn, "", true, ""},
		{"BPMN without start", map[string]string{bpmn: replace(t, minimal, bpmn, `<bpmn:startEvent id="StartEvent_1">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>`, ``)},
			"process-unknown-element", lint.Error, bpmn, "", true, ""},
		{"no process", map[string]string{bpmn: ""}, "process-missing", lint.Error, bpmn, "", false, ""},
		{"malformed metadata", map[string]string{meta: `{"id": "ttd/minimal", `}, "json-syntax", lint.Error, meta, "", true, ""},
		{"malformed page", map[string]string{page2: `{"data": {"layout": [}}`}, "json-syntax", lint.Error, page2, "", true, "page-missing"},
		{"summary of a missing component", map[string]string{page2: replace(t, minimal, page2, `"componentRef": "name"`, `"componentRef": "nope"`)},
			"component-ref-unknown", lint.Error, page2, "/data/layout/3/componentRef", false, ""},
		{"data field path", map[string]string{meta: replace(t, minimal, meta, `"partyTypesAllowed"`, `"dataFields": [{"id": "n", "path": "navn", "dataTypeId": "model"}], "partyTypesAllowed"`)},
			"binding-unknown-field", lint.Error, meta, "/dataFields/0/path", false, ""},
		{"validation of a missing field", map[string]string{"App/models/model.validation.json": `{"validations":{"alder":[{"condition":["lessThan",1,2],"message":"age.error"}]}}`},
			"binding-unknown-field", lint.Error, "App/models/model.validation.json", "/validations/alder", false, ""},
		{"C# data processor", map[string]string{"App/logic/DataProcessor.cs": "public class P : IDataProcessor { }"},
			"csharp-data-processor", lint.Warning, "App/logic/DataProcessor.cs", "", false, ""},
		{"C# helper", map[string]string{"App/logic/Helpers.cs": "static class Helpers { }"},
			"csharp-file", lint.Info, "App/logic/Helpers.cs", "", false, ""},
		{"C# option provider registered", map[string]string{"App/Program.cs": "services.AddTransient<IAppOptionsProvider, Countries>();"},
			"csharp-options-provider", lint.Warning, "App/Program.cs", "", false, ""},
		{"text variable reads a missing field", map[string]string{"App/config/texts/resource.nb.json": replace(t, minimal, "App/config/texts/resource.nb.json",
			`{ "id": "appName", "value": "Minimal" }`, `{ "id": "appName", "value": "Minimal {0}", "variables": [{"key": "nmae", "dataSource": "dataModel.model"}] }`)},
			"text-variable-unknown", lint.Warning, "App/config/texts/resource.nb.json", "/resources/0/variables/0/key", false, ""},
		{"button for an action the task lacks", map[string]string{page1: replace(t, minimal, page1, `{ "id": "nav1", "type": "NavigationButtons" }`, `{ "id": "sign-button", "type": "ActionButton", "action": "sign" }`)},
			"action-unknown", lint.Warning, page1, "/data/layout/4/action", false, ""},
		{"file validators", map[string]string{meta: replace(t, minimal, meta, `"maxCount": 3,`, `"maxCount": 3, "enabledFileValidators": ["mimeTypeValidator"],`)},
			"csharp-file-validator", lint.Warning, meta, "/dataTypes/2/enabledFileValidators", false, ""},
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(string(readme), "`"+tt.code+"`") && !strings.HasPrefix(tt.code, "process-") {
				t.Errorf("appframework/README.md does not explain %s", tt.code)
			}
			r, err := lint.Lint(fixture(t, minimal, tt.edits))
			if err != nil {
				t.Fatal(err)
			}
			var got *lint.Finding
			for i, f := range r.Findings {
				if f.Code == tt.code {
					got = &r.Findings[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s finding; got:\n%s", tt.code, dump(r))
			}
			if got.Severity != tt.sev || got.File != tt.file || tt.pointer != "" && got.Pointer != tt.pointer || tt.line != (got.Line > 0) {
				t.Errorf("got %s (line %d); want %s in %s#%s", got, got.Line, tt.sev, tt.file, tt.pointer)
			}
			for _, c := range r.Codes() {
				if c != tt.code && c != tt.alsoCode {
					t.Errorf("unexpected finding code %s:\n%s", c, dump(r))
				}
			}
		})
	}
}

// TestPartialLoad checks that a page that fails to load does not hide the
// problems of the other pages.
func TestPartialLoad(t *testing.T) {
	t.Parallel()
	const page1, page2 = "App/ui/form/layouts/page1.json", "App/ui/form/layouts/page2.json"
	r, err := lint.Lint(fixture(t, minimal, map[string]string{
		page1: replace(t, minimal, page1, `"hidden": ["equals"`, `"hidden": ["equalz"`),
		page2: replace(t, minimal, page2, `"pets.name"`, `"pets.nick"`),
	}))
	if err != nil {
		t.Fatal(err)
	}
	codes := r.Codes()
	for _, want := range []string{"expr-unknown-function", "binding-unknown-field"} {
		if !slices.Contains(codes, want) {
			t.Errorf("no %s:\n%s", want, dump(r))
		}
	}
}

func dump(r lint.Report) string {
	var b strings.Builder
	_ = lint.WriteText(&b, r)
	return b.String()
}

// TestStandardOptions checks that app.StandardOptions wires the process and
// policy parsers: good files parse, bad ones fail Load naming the file.
func TestStandardOptions(t *testing.T) {
	t.Parallel()
	const bpmn, pol = "App/config/process/process.bpmn", "App/config/authorization/policy.xml"
	tests := []struct {
		name  string
		edits map[string]string
		fail  string
	}{
		{"good", nil, ""},
		{"malformed BPMN", map[string]string{bpmn: "<bpmn:definitions"}, bpmn},
		{"unknown attribute", map[string]string{pol: replace(t, minimal, pol, `AttributeId="urn:altinn:rolecode"`, `AttributeId="urn:altinn:shoesize"`)}, pol},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := app.Load(fixture(t, minimal, tt.edits), app.StandardOptions())
			if tt.fail == "" {
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := a.Process.Definition.(*process.Definition); !ok {
					t.Errorf("process definition is %T", a.Process.Definition)
				}
				if p, ok := a.Policy.Definition.(*policy.Policy); !ok || !p.Unbound {
					t.Errorf("policy definition is %T", a.Policy.Definition)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.fail) {
				t.Fatalf("err = %v, want one naming %s", err, tt.fail)
			}
		})
	}
}
