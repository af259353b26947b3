// SPDX-License-Identifier: MIT

package apps_test

import (
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestApps runs the app routes in order; each step names the caller, the request
// and the status and problem code (or a body fragment) wanted.
func TestApps(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		steps := []struct {
			name, user, method, path string
			body                     any
			status                   int
			want                     string
		}{
			{"anonymous", "", "GET", "/orgs/ttd/apps", nil, 401, "login_required"},
			{"outsider sees no org", "outsider", "GET", "/orgs/ttd/apps", nil, 404, "not_found"},
			{"reader lists", "reader", "GET", "/orgs/ttd/apps", nil, 200, `"app":"app1"`},
			{"reader may not create", "reader", "POST", "/orgs/ttd/apps", map[string]string{"name": "app2"}, 403, "forbidden"},
			{"devel creates", "devel", "POST", "/orgs/ttd/apps", map[string]string{"name": "skjema-b"}, 201, `"commit":"`},
			{"again", "devel", "POST", "/orgs/ttd/apps", map[string]string{"name": "skjema-b"}, 409, "already_exists"},
			{"bad name", "devel", "POST", "/orgs/ttd/apps", map[string]string{"name": "Bad Name"}, 400, "invalid_input"},
			{"unknown field", "devel", "POST", "/orgs/ttd/apps", map[string]any{"name": "x", "admin": true}, 400, "invalid_json"},
			{"search", "devel", "GET", "/orgs/ttd/apps?q=SKJEMA", nil, 200, `{"apps":[{"org":"ttd","app":"skjema-b"}]}`},
			{"search none", "devel", "GET", "/orgs/ttd/apps?q=zzz", nil, 200, `{"apps":[]}`},
			{"copy to skd", "devel", "POST", "/orgs/ttd/apps/app1/copy", map[string]string{"toOrg": "skd", "name": "app1"}, 201, `"org":"skd"`},
			{"copy where no rights", "reader", "POST", "/orgs/ttd/apps/app1/copy", map[string]string{"toOrg": "skd", "name": "x"}, 404, "not_found"},
			{"copy of missing app", "devel", "POST", "/orgs/ttd/apps/nope/copy", map[string]string{"name": "x"}, 404, "not_found"},
			{"overview", "reader", "GET", "/orgs/ttd/apps/app1", nil, 200, `"main":{"name":"main"`},
			{"overview missing", "reader", "GET", "/orgs/ttd/apps/nope", nil, 404, "not_found"},
			{"devel may not delete", "devel", "DELETE", "/orgs/ttd/apps/skjema-b", nil, 403, "forbidden"},
			{"owner deletes", "owner", "DELETE", "/orgs/ttd/apps/skjema-b", nil, 204, ""},
			{"gone", "owner", "DELETE", "/orgs/ttd/apps/skjema-b", nil, 404, "not_found"},
		}
		for _, s := range steps {
			r := f.do(t, s.user, s.method, s.path, s.body)
			if r.status != s.status || (s.want != "" && r.code() != s.want && !contains(string(r.body), s.want)) {
				t.Fatalf("%s: %d %s, want %d %s", s.name, r.status, r.body, s.status, s.want)
			}
		}
		if f.repos.Exists("ttd", "skjema-b") || !f.repos.Exists("skd", "app1") {
			t.Fatal("delete or copy did not reach the store")
		}
		if got := f.file(t, "main", "App/config/applicationmetadata.json"); !contains(got, `"ttd/app1"`) {
			t.Fatalf("source metadata changed: %s", got)
		}
	})
}
