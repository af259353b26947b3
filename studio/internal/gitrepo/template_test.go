// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/lint"
)

// TestTemplateLints proves a new app is clean: it loads and lint finds no
// errors (and, as the template is ours, no warnings either).
func TestTemplateLints(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	fsys, err := r.FS(ctx, head)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := lint.Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Severity.Rank() >= lint.Warning.Rank() {
			t.Errorf("template finding: %s", f)
		}
	}
	if rep.App != "ttd/skjema" {
		t.Errorf("lint app id = %q, want ttd/skjema", rep.App)
	}
	a, err := app.Load(fsys, app.StandardOptions())
	if err != nil {
		t.Fatal(err)
	}
	if a.Metadata.ID != "ttd/skjema" || a.Metadata.Org != "ttd" {
		t.Errorf("metadata id/org = %q/%q", a.Metadata.ID, a.Metadata.Org)
	}
	if len(a.LayoutSets) != 1 || a.LayoutSets[0].ID != "form" {
		t.Errorf("layout sets = %+v", a.LayoutSets)
	}
	schema, err := r.ReadFile(ctx, "main", "App/models/model.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(schema, &m); err != nil || m["@xsdRootElement"] != "Skjema" {
		t.Errorf("schema @xsdRootElement = %v (%v)", m["@xsdRootElement"], err)
	}
	if _, err := r.ReadFile(ctx, "main", "App/models/model.xsd"); err != nil {
		t.Error(err)
	}
}

// TestTemplateEscapesAuthor: the author's name goes into JSON, so quotes in
// it must not break the file.
func TestTemplateEscapesAuthor(t *testing.T) {
	files, err := TemplateFiles("ttd", "abc", Author{Name: `Ola "Q" \ Nordmann`}, newStore(t).now())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "App/config/applicationmetadata.json" {
			var m map[string]any
			if err := json.Unmarshal(f.Content, &m); err != nil {
				t.Fatalf("metadata is not JSON: %v\n%s", err, f.Content)
			}
			if m["createdBy"] != `Ola "Q" \ Nordmann` {
				t.Errorf("createdBy = %v", m["createdBy"])
			}
			return
		}
	}
	t.Fatal("no applicationmetadata.json in the template")
}

// TestTemplateLintCatchesBreakage keeps TestTemplateLints honest: the same
// check on the template with a binding to a missing field reports an error.
func TestTemplateLintCatchesBreakage(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	page, err := r.ReadFile(ctx, head, "App/ui/form/layouts/side1.json")
	if err != nil {
		t.Fatal(err)
	}
	broken := []byte(strings.Replace(string(page), `"simpleBinding": "navn"`, `"simpleBinding": "finnesikke"`, 1))
	h := mustCommit(t, r, "main", head, "break", Change{Path: "App/ui/form/layouts/side1.json", Content: broken})
	fsys, err := r.FS(ctx, h)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := lint.Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(lint.Error) == 0 {
		t.Errorf("lint found no error in a broken binding: %+v", rep.Findings)
	}
}
