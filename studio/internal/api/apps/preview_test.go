// SPDX-License-Identifier: MIT

package apps_test

import (
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestPreview renders the template's page in every language, refuses unknown pages
// and languages, and names the file of an app that does not load.
func TestPreview(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const preview = "/orgs/ttd/apps/app1/preview"
		r := f.do(t, "devel", "PATCH", "/orgs/ttd/apps/app1/texts/nn",
			map[string]any{"set": map[string]string{"side1.overskrift": "Søknad på nynorsk"}}, ifMatch(f.parent(t, "devel"))...)
		if r.status != 200 {
			t.Fatalf("texts: %d %s", r.status, r.body)
		}
		steps := []struct {
			name, user, path string
			files            map[string]string // committed on main before the request
			status           int
			want             []string // body fragments, or the problem code
		}{
			{"nb", "devel", preview + "/form/side1", nil, 200, []string{"<!DOCTYPE html>", `<html lang="nb">`, "<h1", ">Skjema</h1>",
				`href="/studio/api/v1/preview-assets/designsystemet.css"`, `name="` + "navn" + `"`, "Send inn"}},
			{"nn text from the working branch", "devel", preview + "/form/side1?lang=nn", nil, 200, []string{`<html lang="nn">`, "Søknad på nynorsk", "Navn"}},
			{"en falls back to nb", "reader", preview + "/form/side1?lang=en&ref=main", nil, 200, []string{`<html lang="en">`, ">Skjema</h1>"}},
			{"unknown page", "devel", preview + "/form/nope", nil, 404, []string{"not_found"}},
			{"unknown set", "devel", preview + "/nope/side1", nil, 404, []string{"not_found"}},
			{"unknown language", "devel", preview + "/form/side1?lang=de", nil, 400, []string{"invalid_input"}},
			{"bad page name", "devel", preview + "/form/..x", nil, 400, []string{"invalid_input"}},
			{"outsider", "outsider", preview + "/form/side1", nil, 404, []string{"not_found"}},
			{"anonymous", "", preview + "/form/side1", nil, 401, []string{"login_required"}},
			{"broken layout", "devel", preview + "/form/side1?ref=main",
				map[string]string{"App/ui/form/layouts/side1.json": `{"data": {"layout": [}`}, 422, []string{"preview_failed"}},
		}
		for _, s := range steps {
			if s.files != nil {
				f.commitFiles(t, s.files)
			}
			r := f.do(t, s.user, "GET", s.path, nil)
			if r.status != s.status {
				t.Fatalf("%s: %d %s", s.name, r.status, r.body)
			}
			if s.status != 200 {
				if r.code() != s.want[0] {
					t.Errorf("%s: %s, want %s", s.name, r.body, s.want[0])
				}
				continue
			}
			for _, w := range s.want {
				if !contains(string(r.body), w) {
					t.Errorf("%s: no %q in\n%s", s.name, w, r.body)
				}
			}
			if contains(string(r.body), "<script") {
				t.Errorf("%s: the preview has a script", s.name)
			}
			for k, v := range map[string]string{
				"Content-Type":            "text/html; charset=utf-8",
				"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'",
				"X-Content-Type-Options":  "nosniff",
				"Cache-Control":           "private, no-cache",
			} {
				if got := r.header.Get(k); got != v {
					t.Errorf("%s: %s = %q, want %q", s.name, k, got, v)
				}
			}
		}
		if r := f.do(t, "devel", "GET", preview+"/form/side1?ref=main", nil); !contains(string(r.body), "App/ui/form/layouts/side1.json") {
			t.Errorf("the broken file is not named: %s", r.body)
		}
	})
}

// TestPreviewAssets serves the stylesheets the preview links, without a login.
func TestPreviewAssets(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		tests := []struct {
			path   string
			status int
			ctype  string
		}{
			{"/preview-assets/designsystemet.css", 200, "text/css; charset=utf-8"},
			{"/preview-assets/theme.css", 200, "text/css; charset=utf-8"},
			{"/preview-assets/blankett.css", 200, "text/css; charset=utf-8"},
			{"/preview-assets/nope.css", 404, "application/problem+json"},
			{"/preview-assets/../go.mod", 404, "application/problem+json"},
		}
		for _, tt := range tests {
			r := f.do(t, "", "GET", tt.path, nil)
			if r.status != tt.status || !contains(r.header.Get("Content-Type"), tt.ctype) {
				t.Errorf("%s: %d %q", tt.path, r.status, r.header.Get("Content-Type"))
			}
		}
	})
}
