// SPDX-License-Identifier: MIT

package apps_test

import (
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestRenames renames a component and a text key and checks that every reference
// moved in the one commit, and that a rename onto an existing name changes nothing.
func TestRenames(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const app = "/orgs/ttd/apps/app1"
		r := f.do(t, "devel", "PUT", app+"/layouts/form/side2", page2, ifMatch(f.parent(t, "devel"))...)
		if r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
		tests := []struct {
			name, path, from, to string
			status               int
			code                 string
			files                map[string][]string // file → fragments wanted after the rename
		}{
			{"component onto existing", "/rename/component", "navn", "alder", 409, "name_taken", nil},
			{"missing component", "/rename/component", "nope", "x", 404, "not_found", nil},
			{"bad new id", "/rename/component", "navn", "has space", 400, "invalid_input", nil},
			{"component", "/rename/component", "navn", "fornavn", 200, "", map[string][]string{
				"App/ui/form/layouts/side1.json": {`"id": "fornavn"`},
				"App/ui/form/layouts/side2.json": {`"component",`, `"fornavn"`, `"componentRef": "fornavn"`},
			}},
			{"text onto existing", "/rename/text", "send-inn", "appName", 409, "name_taken", nil},
			{"missing text", "/rename/text", "nope", "x", 404, "not_found", nil},
			{"text", "/rename/text", "navn.ledetekst", "fornavn.ledetekst", 200, "", map[string][]string{
				"App/config/texts/resource.nb.json": {`"id": "fornavn.ledetekst"`},
				"App/ui/form/layouts/side1.json":    {`"title": "fornavn.ledetekst"`},
				"App/ui/form/layouts/side2.json":    {`"title": "fornavn.ledetekst"`},
			}},
		}
		for _, tt := range tests {
			before := f.parent(t, "devel")
			_, after, ok := f.renameStep(t, tt.name, app+tt.path, map[string]string{"parent": before, "from": tt.from, "to": tt.to}, before, tt.status, tt.code)
			if !ok {
				continue
			}
			for file, frags := range tt.files {
				got := f.file(t, after, file)
				for _, fr := range frags {
					if !contains(got, fr) {
						t.Errorf("%s: %s lacks %s:\n%s", tt.name, file, fr, got)
					}
				}
				if contains(got, `"id": "`+tt.from+`"`) || contains(got, `"componentRef": "`+tt.from+`"`) ||
					contains(got, `"title": "`+tt.from+`"`) || contains(got, `"component",\n`+"                \""+tt.from) {
					t.Errorf("%s: %s still names %s", tt.name, file, tt.from)
				}
			}
		}
	})
}
