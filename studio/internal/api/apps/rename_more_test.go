// SPDX-License-Identifier: MIT

package apps_test

import (
	"context"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// renamePage2 references side1 (Summary2 target with taskId, navigateToPage), the
// option list land and the data type model.
const renamePage2 = `{"data":{"layout":[
  {"id":"land","type":"Dropdown","optionsId":"land","textResourceBindings":{"title":"navn.ledetekst"},
   "dataModelBindings":{"simpleBinding":{"dataType":"model","field":"navn"}}},
  {"id":"sammendrag","type":"Summary2","target":{"type":"page","id":"side1","taskId":"Task_1"}},
  {"id":"til-start","type":"CustomButton","textResourceBindings":{"title":"send-inn"},
   "actions":[{"type":"ClientAction","id":"navigateToPage","metadata":{"page":"side1"}}]}
]}}`

// setupRenames gives app1 a second page, a page order with excludeFromPdf, two
// option lists and a second layout set "ekstra".
func setupRenames(t *testing.T, f *fixture) {
	t.Helper()
	const app = "/orgs/ttd/apps/app1"
	steps := []struct{ method, path, body string }{
		{"PUT", "/layouts/form/side2", renamePage2},
		{"PUT", "/layout-settings/form", `{"pages":{"order":["side1","side2"],"excludeFromPdf":["side1"]}}`},
		{"PUT", "/options/land", `[{"value":"no","label":"Norge"}]`},
		{"PUT", "/options/farge", `[{"value":"r","label":"Rød"}]`},
	}
	for _, s := range steps {
		if r := f.do(t, "devel", s.method, app+s.path, s.body, ifMatch(f.parent(t, "devel"))...); r.status != 200 {
			t.Fatalf("%s %s: %d %s", s.method, s.path, r.status, r.body)
		}
	}
	ctx := context.Background()
	repo, err := f.repos.Open(ctx, "ttd", "app1")
	must(t, err)
	sets := `{"sets":[{"id":"form","dataType":"model","tasks":["Task_1"]},{"id":"ekstra","dataType":"model"}]}`
	_, err = repo.Commit(ctx, "users/devel", f.parent(t, "devel"), gitrepo.Author{Name: "devel", Email: "devel@example.test"}, "ekstra",
		[]gitrepo.Change{
			{Path: "App/ui/layout-sets.json", Content: []byte(sets)},
			{Path: "App/ui/ekstra/Settings.json", Content: []byte(`{"pages":{"order":["info"]}}`)},
			{Path: "App/ui/ekstra/layouts/info.json", Content: []byte(`{"data":{"layout":[
				{"id":"info-oppsummering","type":"Summary2","target":{"type":"layoutSet","id":"form"}}]}}`)},
		})
	must(t, err)
}

// TestMoreRenames renames a page, a layout set, an option list, a task and a data
// type, in order, each after its refusals. A refusal must leave the branch where it
// was; a rename must be one commit that changes every file that names the old name
// and leaves lint without errors.
func TestMoreRenames(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		setupRenames(t, f)
		const app = "/orgs/ttd/apps/app1"
		tests := []struct {
			name, path, set, from, to string
			status                    int
			code                      string
			want                      map[string][]string // file → fragments wanted after the rename
			gone                      map[string][]string // file → fragments that must be gone ("" the file itself)
		}{
			{"page same name", "/rename/page", "form", "side1", "side1", 400, "invalid_input", nil, nil},
			{"page bad name", "/rename/page", "form", "side1", "a/b", 400, "invalid_input", nil, nil},
			{"page bad set", "/rename/page", "../x", "side1", "start", 400, "invalid_input", nil, nil},
			{"page missing", "/rename/page", "form", "nope", "start", 404, "not_found", nil, nil},
			{"page in missing set", "/rename/page", "nope", "side1", "start", 404, "not_found", nil, nil},
			{"page onto existing", "/rename/page", "form", "side1", "side2", 409, "name_taken", nil, nil},
			{"page", "/rename/page", "form", "side1", "start", 200, "", map[string][]string{
				"App/ui/form/layouts/start.json": {`"id": "overskrift"`},
				"App/ui/form/Settings.json":      {`"start",`, `"side2"`, `"excludeFromPdf": [`},
				"App/ui/form/layouts/side2.json": {`"id": "start"`, `"page": "start"`},
			}, map[string][]string{
				"App/ui/form/layouts/side1.json": {""},
				"App/ui/form/Settings.json":      {`"side1"`},
				"App/ui/form/layouts/side2.json": {`"side1"`},
			}},

			{"set same name", "/rename/layout-set", "", "form", "form", 400, "invalid_input", nil, nil},
			{"set missing", "/rename/layout-set", "", "nope", "skjema", 404, "not_found", nil, nil},
			{"set onto existing", "/rename/layout-set", "", "form", "ekstra", 409, "name_taken", nil, nil},
			{"set onto a ui file", "/rename/layout-set", "", "form", "layout-sets.json", 409, "name_taken", nil, nil},
			{"set", "/rename/layout-set", "", "form", "skjema", 200, "", map[string][]string{
				"App/ui/skjema/Settings.json":      {`"start"`},
				"App/ui/skjema/layouts/start.json": {`"id": "overskrift"`},
				"App/ui/skjema/layouts/side2.json": {`"id": "start"`},
				"App/ui/layout-sets.json":          {`"id": "skjema"`, `"id": "ekstra"`},
				"App/ui/ekstra/layouts/info.json":  {`"id": "skjema"`},
			}, map[string][]string{
				"App/ui/form/Settings.json":       {""},
				"App/ui/form/layouts/start.json":  {""},
				"App/ui/form/layouts/side2.json":  {""},
				"App/ui/layout-sets.json":         {`"form"`},
				"App/ui/ekstra/layouts/info.json": {`"form"`},
			}},

			{"options same name", "/rename/option-list", "", "land", "land", 400, "invalid_input", nil, nil},
			{"options missing", "/rename/option-list", "", "nope", "x", 404, "not_found", nil, nil},
			{"options onto existing", "/rename/option-list", "", "land", "farge", 409, "name_taken", nil, nil},
			{"options", "/rename/option-list", "", "land", "country", 200, "", map[string][]string{
				"App/options/country.json":         {`"Norge"`},
				"App/ui/skjema/layouts/side2.json": {`"optionsId": "country"`},
			}, map[string][]string{
				"App/options/land.json":            {""},
				"App/ui/skjema/layouts/side2.json": {`"optionsId": "land"`},
			}},

			{"task same name", "/rename/task", "", "Task_1", "Task_1", 400, "invalid_input", nil, nil},
			{"task bad id", "/rename/task", "", "Task_1", "1task", 400, "invalid_input", nil, nil},
			{"task missing", "/rename/task", "", "Task_9", "Task_2", 404, "not_found", nil, nil},
			{"task not a task", "/rename/task", "", "EndEvent_1", "Slutt", 404, "not_found", nil, nil},
			{"task onto existing", "/rename/task", "", "Task_1", "SequenceFlow_1", 409, "name_taken", nil, nil},
			{"task", "/rename/task", "", "Task_1", "Utfylling", 200, "", map[string][]string{
				"App/config/process/process.bpmn":     {`<bpmn:task id="Utfylling" name="Utfylling">`, `sourceRef="Utfylling"`, `targetRef="Utfylling"`, `bpmnElement="Utfylling"`},
				"App/ui/layout-sets.json":             {`"Utfylling"`},
				"App/config/applicationmetadata.json": {`"taskId": "Utfylling"`},
				"App/config/authorization/policy.xml": {`>Utfylling</xacml:AttributeValue>`},
				"App/ui/skjema/layouts/side2.json":    {`"taskId": "Utfylling"`},
			}, map[string][]string{
				"App/config/process/process.bpmn":     {`"Task_1"`},
				"App/ui/layout-sets.json":             {`"Task_1"`},
				"App/config/applicationmetadata.json": {`"Task_1"`},
				"App/config/authorization/policy.xml": {`>Task_1<`},
				"App/ui/skjema/layouts/side2.json":    {`"Task_1"`},
			}},

			{"data type same name", "/rename/data-type", "", "model", "model", 400, "invalid_input", nil, nil},
			{"data type missing", "/rename/data-type", "", "nope", "x", 404, "not_found", nil, nil},
			{"data type onto existing", "/rename/data-type", "", "model", "ref-data-as-pdf", 409, "name_taken", nil, nil},
			{"data type", "/rename/data-type", "", "model", "skjemadata", 200, "", map[string][]string{
				"App/config/applicationmetadata.json": {`"id": "skjemadata"`},
				"App/ui/layout-sets.json":             {`"dataType": "skjemadata"`},
				"App/ui/skjema/layouts/side2.json":    {`"dataType": "skjemadata"`},
				"App/models/skjemadata.schema.json":   {`"`},
			}, map[string][]string{
				"App/models/model.schema.json":        {""},
				"App/config/applicationmetadata.json": {`"id": "model"`},
				"App/ui/layout-sets.json":             {`"model"`},
				"App/ui/skjema/layouts/side2.json":    {`"model"`},
			}},
		}
		for _, tt := range tests {
			before := f.parent(t, "devel")
			body := map[string]string{"parent": before, "from": tt.from, "to": tt.to}
			if tt.path == "/rename/page" {
				body["set"] = tt.set
			}
			var oldBPMN string
			if tt.path == "/rename/task" {
				oldBPMN = f.file(t, before, "App/config/process/process.bpmn")
			}
			r, after, ok := f.renameStep(t, tt.name, app+tt.path, body, before, tt.status, tt.code)
			if !ok {
				continue
			}
			if lint, _ := r.json(t)["lint"].(map[string]any); lint["errors"] != float64(0) {
				t.Errorf("%s: lint errors after the rename: %v", tt.name, lint)
			}
			for file, frags := range tt.want {
				got := f.file(t, after, file)
				for _, fr := range frags {
					if !contains(got, fr) {
						t.Errorf("%s: %s lacks %s:\n%s", tt.name, file, fr, got)
					}
				}
			}
			for file, frags := range tt.gone {
				got := f.file(t, after, file)
				for _, fr := range frags {
					if fr == "" && got != "" || fr != "" && contains(got, fr) {
						t.Errorf("%s: %s still has %q:\n%s", tt.name, file, fr, got)
					}
				}
			}
			if oldBPMN != "" {
				want := strings.ReplaceAll(oldBPMN, `"Task_1"`, `"Utfylling"`)
				if got := f.file(t, after, "App/config/process/process.bpmn"); got != want {
					t.Errorf("%s: process.bpmn changed beyond the task id:\n%s", tt.name, got)
				}
			}
		}
	})
}

// TestMoreRenamesStale sends each rename with an old parent: 409 stale_parent, and
// the branch stays where it was.
func TestMoreRenamesStale(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		setupRenames(t, f)
		const app = "/orgs/ttd/apps/app1"
		old := f.head(t, "ttd", "app1", "main")
		for _, tt := range []struct{ path, from, to string }{
			{"/rename/page", "side1", "start"},
			{"/rename/layout-set", "form", "skjema"},
			{"/rename/option-list", "land", "country"},
			{"/rename/task", "Task_1", "Utfylling"},
			{"/rename/data-type", "model", "skjemadata"},
		} {
			before := f.parent(t, "devel")
			body := map[string]string{"parent": old, "from": tt.from, "to": tt.to}
			if tt.path == "/rename/page" {
				body["set"] = "form"
			}
			f.renameStep(t, tt.path, app+tt.path, body, before, 409, "stale_parent")
		}
	})
}

// TestRenameTaskV9 renames a task of an app without layout-sets.json (Altinn v9),
// whose UI folder is named by the task: the folder moves with the task.
func TestRenameTaskV9(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const app = "/orgs/ttd/apps/app1"
		if r := f.do(t, "devel", "PUT", app+"/layouts/form/side2", renamePage2, ifMatch(f.parent(t, "devel"))...); r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
		ctx := context.Background()
		repo, err := f.repos.Open(ctx, "ttd", "app1")
		must(t, err)
		var changes []gitrepo.Change
		for _, p := range []string{"Settings.json", "layouts/side1.json", "layouts/side2.json"} {
			b := f.file(t, f.parent(t, "devel"), "App/ui/form/"+p)
			changes = append(changes, gitrepo.Change{Path: "App/ui/form/" + p, Delete: true},
				gitrepo.Change{Path: "App/ui/Task_1/" + p, Content: []byte(b)})
		}
		changes = append(changes, gitrepo.Change{Path: "App/ui/layout-sets.json", Delete: true})
		_, err = repo.Commit(ctx, "users/devel", f.parent(t, "devel"), gitrepo.Author{Name: "devel", Email: "devel@example.test"}, "v9", changes)
		must(t, err)
		before := f.parent(t, "devel")
		r := f.do(t, "devel", "POST", app+"/rename/task", map[string]string{"parent": before, "from": "Task_1", "to": "Utfylling"})
		if r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
		after := f.parent(t, "devel")
		if got := f.file(t, after, "App/ui/Utfylling/layouts/side2.json"); !contains(got, `"taskId": "Utfylling"`) {
			t.Errorf("side2 not moved or not renamed:\n%s", got)
		}
		if f.file(t, after, "App/ui/Utfylling/Settings.json") == "" || f.file(t, after, "App/ui/Task_1/Settings.json") != "" {
			t.Error("the UI folder did not move")
		}
		if got := f.file(t, after, "App/ui/layout-sets.json"); got != "" {
			t.Errorf("layout-sets.json came back:\n%s", got)
		}
	})
}

// TestRenameAttachmentDataType renames an attachment data type whose FileUpload
// component shares its id: the component and the Summary2 that shows it follow in
// the same commit, so the upload stays tied to its data type.
func TestRenameAttachmentDataType(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		main := f.head(t, "ttd", "app1", "main")
		meta := f.file(t, main, "App/config/applicationmetadata.json")
		i := strings.Index(meta, `"dataTypes": [`)
		if i < 0 {
			t.Fatalf("template metadata without dataTypes:\n%s", meta)
		}
		i += len(`"dataTypes": [`)
		meta = meta[:i] + `{"id":"vedlegg","taskId":"Task_1","allowedContentTypes":["application/pdf"],"maxCount":1,"minCount":0},` + meta[i:]
		f.commitFiles(t, map[string]string{
			"App/config/applicationmetadata.json": meta,
			"App/ui/form/layouts/side2.json": `{"data":{"layout":[
  {"id":"vedlegg","type":"FileUpload","maxNumberOfAttachments":1,"minNumberOfAttachments":0,"displayMode":"list","textResourceBindings":{"title":"navn.ledetekst"}},
  {"id":"oppsummering","type":"Summary2","target":{"type":"component","id":"vedlegg"}}]}}`,
			"App/ui/form/Settings.json": `{"pages":{"order":["side1","side2"]}}`,
		})
		const app = "/orgs/ttd/apps/app1"
		before := f.parent(t, "devel")
		r := f.do(t, "devel", "POST", app+"/rename/data-type", map[string]string{"from": "vedlegg", "to": "navn"}, ifMatch(before)...)
		if r.status != 409 || r.code() != "name_taken" || f.parent(t, "devel") != before {
			t.Fatalf("rename onto the component id navn: %d %s", r.status, r.body)
		}
		r = f.do(t, "devel", "POST", app+"/rename/data-type", map[string]string{"from": "vedlegg", "to": "dokumentasjon"}, ifMatch(before)...)
		if r.status != 200 {
			t.Fatalf("rename: %d %s", r.status, r.body)
		}
		after := f.parent(t, "devel")
		got := f.file(t, after, "App/ui/form/layouts/side2.json")
		if strings.Count(got, `"dokumentasjon"`) != 2 || strings.Contains(got, `"vedlegg"`) {
			t.Errorf("side2.json after the rename:\n%s", got)
		}
		if m := f.file(t, after, "App/config/applicationmetadata.json"); !strings.Contains(m, `"id": "dokumentasjon"`) {
			t.Errorf("metadata after the rename:\n%s", m)
		}
		if lint, _ := r.json(t)["lint"].(map[string]any); lint["errors"] != float64(0) {
			t.Errorf("lint errors after the rename: %v", lint)
		}
	})
}
