// SPDX-License-Identifier: MIT

package render

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
)

const miniMetadata = `{"id": "ttd/t", "org": "ttd", "title": {"nb": "Testskjema", "en": "Test form"},
	"dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}, "taskId": "Task_1"},
	{"id": "vedlegg", "taskId": "Task_1", "allowedContentTypes": ["application/pdf"]}]}`

const miniTexts = `{"language": "nb", "resources": [
	{"id": "greet", "value": "Hei {0}!", "variables": [{"key": "Navn", "dataSource": "dataModel.default"}]},
	{"id": "rowtitle", "value": "Barn {0}", "variables": [{"key": "Barn.Fornavn", "dataSource": "dataModel.default"}]},
	{"id": "evil", "value": "<script>alert(1)</script>[x](javascript:alert(2)) **fet**"},
	{"id": "P", "value": "Første side"}
]}`

const miniLayout = `{"data": {"layout": [
	{"id": "navn", "type": "Input", "textResourceBindings": {"title": "greet"}, "dataModelBindings": {"simpleBinding": "Navn"},
	 "required": ["equals", ["dataModel", "Alder"], 40]},
	{"id": "alder", "type": "Input", "textResourceBindings": {"title": "Alder", "description": "evil"}, "dataModelBindings": {"simpleBinding": "Alder"},
	 "readOnly": true},
	{"id": "skjult", "type": "Input", "textResourceBindings": {"title": "Skjult"}, "dataModelBindings": {"simpleBinding": "Skjult"},
	 "hidden": ["equals", ["dataModel", "Navn"], "Kari"]},
	{"id": "para", "type": "Paragraph", "textResourceBindings": {"title": "evil"}},
	{"id": "barn", "type": "RepeatingGroup", "textResourceBindings": {"title": "Barn"}, "dataModelBindings": {"group": "Barn"},
	 "children": ["fornavn"], "maxCount": 3},
	{"id": "fornavn", "type": "Input", "textResourceBindings": {"title": "rowtitle"}, "dataModelBindings": {"simpleBinding": "Barn.Fornavn"}},
	{"id": "vedlegg", "type": "FileUpload", "textResourceBindings": {"title": "Vedlegg"}, "maxNumberOfAttachments": 2},
	{"id": "egen", "type": "Custom", "tagName": "x-egen"},
	{"id": "framtid", "type": "FancyFutureThing"},
	{"id": "nav", "type": "NavigationButtons"}
]}}`

func miniApp(t *testing.T) *app.App {
	t.Helper()
	fsys := fstest.MapFS{
		"App/config/applicationmetadata.json": {Data: []byte(miniMetadata)},
		"App/config/texts/resource.nb.json":   {Data: []byte(miniTexts)},
		"App/ui/layout-sets.json":             {Data: []byte(`{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}`)},
		"App/ui/form/Settings.json":           {Data: []byte(`{"pages": {"order": ["P", "Q"]}}`)},
		"App/ui/form/layouts/P.json":          {Data: []byte(miniLayout)},
		"App/ui/form/layouts/Q.json":          {Data: []byte(`{"data": {"layout": [{"id": "q", "type": "Input", "textResourceBindings": {"title": "Q"}, "dataModelBindings": {"simpleBinding": "Q"}}]}}`)},
	}
	a, err := app.Load(fsys, app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func miniData() map[string]any {
	return map[string]any{"model": map[string]any{
		"Navn": "Kari", "Alder": 40.0, "Skjult": `"><img src=x onerror=alert(1)>`,
		"Barn": []any{map[string]any{"Fornavn": "Per"}, map[string]any{"Fornavn": "Pål"}},
	}}
}

func TestRenderMini(t *testing.T) {
	t.Parallel()
	r := New()
	a := miniApp(t)
	for _, tc := range []struct {
		name     string
		in       PageInput
		want     []string
		dontWant []string
		report   int
	}{
		{
			name: "nb",
			in:   PageInput{Context: Context{App: a, TaskID: "Task_1", Data: miniData(), Now: fixedNow}, Page: "P"},
			want: []string{
				`<h1 class="ds-heading" data-size="lg" id="bl-title">Første side</h1>`,
				`for="navn" id="navn-title">Hei Kari! <span class="ds-tag" data-color="warning" data-size="sm">Må fylles ut</span>`,
				`name="Navn" value="Kari" required`, `name="Alder" value="40" readonly`,
				`&lt;script&gt;alert(1)&lt;/script&gt;x) <strong>fet</strong>`,
				`<td>Pål</td>`, `value="addRow:barn"`, `value="deleteRow:barn:1"`,
				`name="_file:vedlegg" accept="application/pdf"`, `enctype="multipart/form-data"`,
				`data-unsupported="Custom"`, `data-unsupported="FancyFutureThing"`, `value="next"`,
			},
			dontWant: []string{`id="skjult"`, "<script", "javascript:", `value="back"`},
			report:   2,
		},
		{
			name: "en, hidden shown, read-only",
			in:   PageInput{Context: Context{App: a, LayoutSet: "form", Data: miniData(), Language: "en", Now: fixedNow}, Page: "P", ShowHidden: true, Mode: ReadOnly},
			want: []string{`data-hidden="true"`, `value="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"`, `name="Navn" value="Kari" readonly`,
				"This part of the form cannot be shown here"},
			dontWant: []string{"<img src=x", `value="addRow:barn"`, `type="file"`, "Må fylles ut"},
			report:   2,
		},
		{
			name: "open row and issues",
			in: PageInput{Context: Context{App: a, TaskID: "Task_1", Data: miniData(), Now: fixedNow, Issues: []Issue{
				{Severity: SeverityError, Field: "Barn[0].Fornavn", Code: "required"},
				{Severity: SeverityError, Field: "Q", Message: "greet"},
				{Severity: SeverityInfo, ComponentID: "navn", Message: "Bare til info"},
			}}, Page: "P", OpenRows: []Target{{Component: "barn", Rows: []int{0}}}},
			want: []string{
				`<li><a class="ds-link" href="#fornavn-0">Feltet må fylles ut.</a></li>`,
				`<li><a class="ds-link" href="?page=Q#q">Hei Kari!</a></li>`,
				`aria-invalid="true" aria-describedby="fornavn-0-msg-0"`,
				`<p class="ds-validation-message" data-color="info" id="navn-msg-0">Bare til info</p>`,
				`value="saveRow:barn:0"`, `for="fornavn-0" id="fornavn-0-title">Barn Per</label>`,
			},
			dontWant: []string{"Bare til info</a>"},
			report:   2,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rep := &Report{}
			tc.in.Report = rep
			out, err := r.RenderPage(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("output lacks %s", w)
				}
			}
			for _, w := range tc.dontWant {
				if strings.Contains(s, w) {
					t.Errorf("output has %s", w)
				}
			}
			if len(rep.Unsupported) != tc.report {
				t.Errorf("report lists %d unsupported components, want %d: %+v", len(rep.Unsupported), tc.report, rep.Unsupported)
			}
			for _, p := range a11yProblems(s) {
				t.Error(p)
			}
			if t.Failed() {
				t.Log(s)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	r := New()
	a := miniApp(t)
	for _, tc := range []struct {
		name string
		in   PageInput
	}{
		{"no app", PageInput{Page: "P"}},
		{"unknown set", PageInput{Context: Context{App: a, LayoutSet: "nope"}, Page: "P"}},
		{"unknown task", PageInput{Context: Context{App: a, TaskID: "Task_9"}, Page: "P"}},
		{"unknown page", PageInput{Context: Context{App: a, LayoutSet: "form"}, Page: "nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := r.RenderPage(tc.in); !errors.Is(err, ErrInput) {
				t.Errorf("error = %v, want ErrInput", err)
			}
		})
	}
	if _, err := r.RenderSummary(SummaryInput{}); !errors.Is(err, ErrInput) {
		t.Errorf("summary error = %v, want ErrInput", err)
	}
}

// TestRenderConcurrent shares one Renderer between goroutines (run with
// -race).
func TestRenderConcurrent(t *testing.T) {
	t.Parallel()
	r := New()
	a := miniApp(t)
	var wg sync.WaitGroup
	outs := make([]string, 8)
	for i := range outs {
		wg.Go(func() {
			out, err := r.RenderPage(PageInput{Context: Context{App: a, TaskID: "Task_1", Data: miniData(), Now: fixedNow}, Page: "P"})
			if err != nil {
				t.Error(err)
			}
			outs[i] = string(out)
		})
	}
	wg.Wait()
	for _, o := range outs[1:] {
		if o != outs[0] {
			t.Fatal("renders of the same input differ")
		}
	}
}

func TestSummaryMini(t *testing.T) {
	t.Parallel()
	r := New()
	out, err := r.RenderSummary(SummaryInput{Context: Context{App: miniApp(t), TaskID: "Task_1", Data: miniData(), Now: fixedNow}, EditLinks: true})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, w := range []string{`<h1 class="ds-heading" data-size="lg" id="bl-title">Testskjema</h1>`, "<dt class=\"ds-label\">Hei Kari!</dt>",
		`<dd class="ds-paragraph">Kari <a class="ds-link" href="?page=P#navn">Endre`, "<td>Per</td>", "Ikke besvart"} {
		if !strings.Contains(s, w) {
			t.Errorf("summary lacks %s", w)
		}
	}
	for _, p := range a11yProblems(s) {
		t.Error(p)
	}
	if t.Failed() {
		t.Log(s)
	}
}
