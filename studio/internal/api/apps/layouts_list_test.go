// SPDX-License-Identifier: MIT

package apps_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

type layoutsAnswer struct {
	Commit string
	Sets   []struct {
		ID, DataType string
		Tasks        []string
		Pages        []struct {
			ID     string
			Layout json.RawMessage
			Error  string
		}
	}
}

// TestListLayouts lists the template's layout set, then pages that break in every
// way a push can break them.
func TestListLayouts(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const layouts = "/orgs/ttd/apps/app1/layouts"
		steps := []struct {
			name, user string
			files      map[string]string // committed on main first; the listing then reads main
			status     int
			want       string // code of a problem, else the set's pages as "id:ok" or "id:<error fragment>", separated by ";"
		}{
			{"template", "devel", nil, 200, "side1:ok"},
			{"reader may read", "reader", nil, 200, "side1:ok"},
			{"outsider sees no app", "outsider", nil, 404, "not_found"},
			{"broken page, unordered page, ordered page without file", "devel", map[string]string{
				"App/ui/form/layouts/brukket.json": `{"data": {"layout": [}`,
				"App/ui/form/layouts/ekstra.json":  `{"data": {"layout": [],},} // comments and trailing commas are Altinn's`,
				"App/ui/form/layouts/liste.json":   `[]`,
				"App/ui/form/Settings.json":        `{"pages": {"order": ["brukket", "borte", "side1"]}}`,
			}, 200, "brukket:line 1, column 22;borte:does not exist;side1:ok;ekstra:ok;liste:not a JSON object"},
			{"broken Settings.json lists files by name", "devel", map[string]string{"App/ui/form/Settings.json": `{`}, 200,
				"brukket:not JSON;ekstra:ok;liste:not a JSON object;side1:ok"},
			{"broken layout-sets.json", "devel", map[string]string{"App/ui/layout-sets.json": `{"sets": 1}`}, 422, "invalid_document"},
		}
		for _, s := range steps {
			path := layouts
			if s.files != nil {
				f.commitFiles(t, s.files)
				path += "?ref=main"
			}
			r := f.do(t, s.user, "GET", path, nil)
			if r.status != s.status {
				t.Fatalf("%s: %d %s", s.name, r.status, r.body)
			}
			if s.status != 200 {
				if r.code() != s.want {
					t.Errorf("%s: %s, want %s", s.name, r.body, s.want)
				}
				continue
			}
			var a layoutsAnswer
			must(t, json.Unmarshal(r.body, &a))
			if r.header.Get("ETag") != `"`+a.Commit+`"` || len(a.Sets) != 1 {
				t.Fatalf("%s: ETag %q, %s", s.name, r.header.Get("ETag"), r.body)
			}
			set := a.Sets[0]
			if set.ID != "form" || set.DataType != "model" || strings.Join(set.Tasks, ",") != "Task_1" {
				t.Errorf("%s: set %+v", s.name, set)
			}
			want := strings.Split(s.want, ";")
			if len(set.Pages) != len(want) {
				t.Fatalf("%s: pages %s, want %s", s.name, r.body, s.want)
			}
			for i, p := range set.Pages {
				id, expect, _ := strings.Cut(want[i], ":")
				ok := p.ID == id
				if expect == "ok" {
					var page struct {
						Data struct{ Layout []map[string]any }
					}
					ok = ok && p.Error == "" && json.Unmarshal(p.Layout, &page) == nil && page.Data.Layout != nil
				} else {
					ok = ok && string(p.Layout) == "null" && contains(p.Error, expect)
				}
				if !ok {
					t.Errorf("%s: page %d = %s %s %q, want %s", s.name, i, p.ID, p.Layout, p.Error, want[i])
				}
			}
		}
	})
}
