// SPDX-License-Identifier: MIT

package apps_test

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestGitPushShowsInAPI clones over HTTP with the real git client (a personal token as
// the password), pushes a layout that breaks lint, and checks that the overview shows
// the pushed head and its errors at once and that an API save on the old parent is
// refused. The push itself lands: git is the source of truth, lint only reports.
func TestGitPushShowsInAPI(t *testing.T) {
	f := newFixture(t, dbtest.SQLite(t))
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)
	const app = "/orgs/ttd/apps/app1"
	r := f.do(t, "devel", "PATCH", app+"/texts/nb", map[string]any{"parent": f.parent(t, "devel"), "set": map[string]string{"x": "y"}})
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	old := f.parent(t, "devel")

	dir := t.TempDir()
	url := func(user string) string {
		return strings.Replace(srv.URL, "http://", "http://"+user+":"+f.tokens[user]+"@", 1) + "/repos/ttd/app1.git"
	}
	git(t, dir, "clone", "--quiet", "--branch", "users/devel", url("devel"), "w")
	w := filepath.Join(dir, "w")
	layout := filepath.Join(w, "App/ui/form/layouts/side1.json")
	b, err := os.ReadFile(layout)
	must(t, err)
	must(t, os.WriteFile(layout, []byte(strings.Replace(string(b), `"simpleBinding": "navn"`, `"simpleBinding": "finnes.ikke"`, 1)), 0o644))
	git(t, w, "commit", "--quiet", "-am", "Bind to a field that does not exist")
	git(t, w, "push", "--quiet", "origin", "users/devel")
	pushed := git(t, w, "rev-parse", "HEAD")

	r = f.do(t, "devel", "GET", app, nil)
	ov := r.json(t)
	mine, _ := ov["mine"].(map[string]any)
	lint, _ := mine["lint"].(map[string]any)
	if r.status != 200 || mine["commit"] != pushed || lint["commit"] != pushed || lint["errors"].(float64) < 1 ||
		!contains(string(r.body), "finnes.ikke") {
		t.Fatalf("overview after push: %d %s", r.status, r.body)
	}

	// The designer tab still holds the old head: its save is refused with the new one.
	r = f.do(t, "devel", "PUT", app+"/layouts/form/side1", string(b), ifMatch(old)...)
	if r.status != 409 || r.code() != "stale_parent" || r.json(t)["current"] != pushed {
		t.Fatalf("save on the old parent: %d %s", r.status, r.body)
	}

	// Read rights clone but cannot push; the branch stays where it is.
	git(t, dir, "clone", "--quiet", url("reader"), "r")
	rw := filepath.Join(dir, "r")
	must(t, os.WriteFile(filepath.Join(rw, "README.md"), []byte("x"), 0o644))
	git(t, rw, "add", "README.md")
	git(t, rw, "commit", "--quiet", "-m", "x")
	if out, err := gitRun(rw, "push", "--quiet", "origin", "main"); err == nil || !strings.Contains(out, "403") {
		t.Fatalf("reader push: %v %s", err, out)
	}
	if f.parent(t, "devel") != pushed || f.head(t, "ttd", "app1", "main") == git(t, rw, "rev-parse", "HEAD") {
		t.Fatal("a refused push moved a branch")
	}
}

// git runs the real git client in dir without prompts or user configuration.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitRun(dir, args...)
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return out
}

func gitRun(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-c", "user.name=Devel", "-c", "user.email=devel@example.test"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=true", "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}
