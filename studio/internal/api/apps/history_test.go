// SPDX-License-Identifier: MIT

package apps_test

import (
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestHistoryUndoMerge: history with diffs, undo as a new commit, merge to main,
// a conflicting merge that moves nothing, and pulling main.
func TestHistoryUndoMerge(t *testing.T) {
	f := newFixture(t, dbtest.SQLite(t))
	const app = "/orgs/ttd/apps/app1"
	save := func(user, key, val string) string {
		t.Helper()
		r := f.do(t, user, "PATCH", app+"/texts/nb", map[string]any{"parent": f.parent(t, user), "set": map[string]string{key: val}})
		if r.status != 200 {
			t.Fatalf("save: %d %s", r.status, r.body)
		}
		return r.json(t)["commit"].(string)
	}
	c1 := save("devel", "a", "1")
	if r := f.do(t, "devel", "PUT", app+"/options/land", `[{"value":"no","label":"Norge"}]`, ifMatch(f.parent(t, "devel"))...); r.status != 200 {
		t.Fatalf("options: %d %s", r.status, r.body)
	}

	r := f.do(t, "reader", "GET", app+"/history?ref=users/devel&limit=2", nil)
	var h struct {
		Commits []struct {
			Hash string
			Diff *struct{ Files []struct{ Path string } }
		}
		Next string
	}
	_ = json.Unmarshal(r.body, &h)
	if r.status != 200 || len(h.Commits) != 2 || h.Commits[1].Hash != c1 || h.Next == "" || h.Commits[0].Diff == nil ||
		h.Commits[0].Diff.Files[0].Path != "App/options/land.json" {
		t.Fatalf("history: %d %s", r.status, r.body)
	}
	if r := f.do(t, "reader", "GET", app+"/history?limit=500", nil); r.code() != "invalid_input" {
		t.Fatalf("limit: %d %s", r.status, r.body)
	}

	// Undo the first save: "a" goes, the option list stays.
	r = f.do(t, "devel", "POST", app+"/revert", map[string]string{"parent": f.parent(t, "devel"), "commit": c1})
	if got := f.file(t, "users/devel", "App/config/texts/resource.nb.json"); r.status != 200 || contains(got, `"id": "a"`) ||
		f.file(t, "users/devel", "App/options/land.json") == "" {
		t.Fatalf("revert: %d %s\n%s", r.status, r.body, got)
	}
	// Undoing a save whose file has changed again since is a conflict; nothing moves.
	c3 := save("devel", "b", "2")
	save("devel", "c", "3")
	before := f.parent(t, "devel")
	r = f.do(t, "devel", "POST", app+"/revert", map[string]string{"parent": before, "commit": c3})
	if r.status != 409 || r.code() != "conflict" || f.parent(t, "devel") != before {
		t.Fatalf("conflicting revert: %d %s", r.status, r.body)
	}

	// Owner saves on their branch and merges to main first; devel's merge then conflicts.
	save("owner", "b", "owner's")
	if r := f.do(t, "owner", "POST", app+"/merge", nil); r.status != 200 {
		t.Fatalf("owner merge: %d %s", r.status, r.body)
	}
	main := f.head(t, "ttd", "app1", "main")
	r = f.do(t, "devel", "POST", app+"/merge", nil)
	if r.status != 409 || r.code() != "conflict" || !contains(string(r.body), `"path":"App/config/texts/resource.nb.json"`) {
		t.Fatalf("conflicting merge: %d %s", r.status, r.body)
	}
	if f.head(t, "ttd", "app1", "main") != main {
		t.Fatal("a conflicting merge moved main")
	}
	if r := f.do(t, "devel", "POST", app+"/pull", nil); r.status != 409 {
		t.Fatalf("conflicting pull: %d %s", r.status, r.body)
	}
	if r := f.do(t, "reader", "POST", app+"/merge", nil); r.status != 403 {
		t.Fatalf("reader merge: %d %s", r.status, r.body)
	}
	// A user without changes pulls main (fast-forward) and has nothing to merge back.
	if r := f.do(t, "owner", "POST", app+"/pull", nil); r.status != 200 || !contains(string(r.body), `"unchanged":true`) {
		t.Fatalf("pull: %d %s", r.status, r.body)
	}
}
