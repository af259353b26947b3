// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// TestCloneEditPush is the service owner's round trip with the real git
// client, then a studio save based on the commit the push replaced.
func TestCloneEditPush(t *testing.T) {
	f := newFixture(t)
	work := t.TempDir()
	mustGit(t, work, "clone", "--quiet", f.url("ola", "ola-token"), "app")
	dir := filepath.Join(work, "app")
	if got := mustGit(t, dir, "rev-parse", "HEAD"); got != f.created {
		t.Fatalf("cloned HEAD = %s, want %s", got, f.created)
	}
	texts := filepath.Join(dir, "App/config/texts/resource.nb.json")
	data, err := os.ReadFile(texts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(texts, []byte(strings.Replace(string(data), `"Navn"`, `"Fullt navn"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGit(t, dir, "commit", "--quiet", "-am", "Rename the label")
	pushed := mustGit(t, dir, "rev-parse", "HEAD")
	mustGit(t, dir, "push", "--quiet", "origin", "main")

	if got := f.head(t, "main"); got != pushed {
		t.Fatalf("server main = %s, want the pushed %s", got, pushed)
	}
	want := "ttd skjema refs/heads/main " + f.created + " " + pushed
	if calls := f.pushes.list(); len(calls) != 1 || calls[0] != want {
		t.Errorf("OnPush calls = %q, want [%q]", calls, want)
	}
	rep, ok := f.lint.Latest("ttd", "skjema", "main")
	if !ok || rep.Commit != pushed || rep.Err != "" || rep.Report.App != "ttd/skjema" || rep.Report.Count(lint.Error) != 0 {
		t.Errorf("lint after push = %+v, %v", rep, ok)
	}

	// The designer still holds the pre-push head: its save must not win.
	ctx := context.Background()
	r, err := f.store.Open(ctx, "ttd", "skjema")
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Commit(ctx, "main", f.created, gitrepo.Author{Name: "Kari"}, "save from the designer",
		[]gitrepo.Change{{Path: "App/config/texts/resource.nb.json", Content: data}})
	if !errors.Is(err, gitrepo.ErrStale) {
		t.Fatalf("designer save on the old parent: %v, want ErrStale", err)
	}
	if got := f.head(t, "main"); got != pushed {
		t.Error("the stale save moved main")
	}
	// A designer save on the new head lands, and git pulls it.
	saved, err := r.Commit(ctx, "main", pushed, gitrepo.Author{Name: "Kari", Email: "kari@example.test"}, "save from the designer",
		[]gitrepo.Change{{Path: "App/notes.md", Content: []byte("notat\n")}})
	if err != nil {
		t.Fatal(err)
	}
	mustGit(t, dir, "pull", "--quiet", "--ff-only", "origin", "main")
	if got := mustGit(t, dir, "rev-parse", "HEAD"); got != saved {
		t.Errorf("pulled HEAD = %s, want %s", got, saved)
	}
}

// TestPushLintFindings: a push that breaks the app is linted and the
// report says so.
func TestPushLintFindings(t *testing.T) {
	f := newFixture(t)
	work := t.TempDir()
	mustGit(t, work, "clone", "--quiet", f.url("ola", "ola-token"), "app")
	dir := filepath.Join(work, "app")
	page := filepath.Join(dir, "App/ui/form/layouts/side1.json")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(data), `"simpleBinding": "navn"`, `"simpleBinding": "finnesikke"`, 1)), 0o644)
	mustGit(t, dir, "checkout", "--quiet", "-b", "users/ola")
	mustGit(t, dir, "commit", "--quiet", "-am", "bind to a missing field")
	mustGit(t, dir, "push", "--quiet", "origin", "users/ola")
	rep, ok := f.lint.Latest("ttd", "skjema", "users/ola")
	if !ok || rep.Report.Count(lint.Error) == 0 {
		t.Errorf("lint of a broken push = %+v, %v", rep, ok)
	}
	if calls := f.pushes.list(); len(calls) != 1 || !strings.HasPrefix(calls[0], "ttd skjema refs/heads/users/ola  ") {
		t.Errorf("OnPush for a new branch = %q", calls)
	}
}

func TestWrongTokenChangesNothing(t *testing.T) {
	f := newFixture(t)
	work := t.TempDir()
	if out, err := git(t, work, "clone", f.url("ola", "wrong"), "app"); err == nil || !strings.Contains(out, "401") && !strings.Contains(out, "Authentication failed") {
		t.Fatalf("clone with a wrong token: %v\n%s", err, out)
	}
	// Push to an existing clone with a wrong token.
	mustGit(t, work, "clone", "--quiet", f.url("ola", "ola-token"), "app")
	dir := filepath.Join(work, "app")
	os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644)
	mustGit(t, dir, "add", "x.txt")
	mustGit(t, dir, "commit", "--quiet", "-m", "x")
	if out, err := git(t, dir, "push", f.url("ola", "wrong"), "main"); err == nil {
		t.Fatalf("push with a wrong token succeeded:\n%s", out)
	}
	if got := f.head(t, "main"); got != f.created {
		t.Error("main moved on an unauthenticated push")
	}
	if len(f.pushes.list()) != 0 {
		t.Error("OnPush called for a refused push")
	}

	for _, tc := range []struct {
		user, pass string
		auth       bool
	}{{"", "", false}, {"ola", "wrong", true}, {"nobody", "ola-token", true}} {
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+"/repos/ttd/skjema.git/info/refs?service=git-upload-pack", nil)
		if tc.auth {
			req.SetBasicAuth(tc.user, tc.pass)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic ") {
			t.Errorf("%q/%q: status %d, challenge %q", tc.user, tc.pass, resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
		}
	}
}

func TestPermissions(t *testing.T) {
	f := newFixture(t)
	work := t.TempDir()
	if out, err := git(t, work, "clone", f.url("ingen", "ingen-token"), "none"); err == nil || !strings.Contains(out, "403") {
		t.Errorf("clone without read: %v\n%s", err, out)
	}
	mustGit(t, work, "clone", "--quiet", f.url("lese", "lese-token"), "app")
	dir := filepath.Join(work, "app")
	os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644)
	mustGit(t, dir, "add", "x.txt")
	mustGit(t, dir, "commit", "--quiet", "-m", "x")
	if out, err := git(t, dir, "push", "origin", "main"); err == nil || !strings.Contains(out, "403") {
		t.Errorf("push with read only: %v\n%s", err, out)
	}
	if got := f.head(t, "main"); got != f.created {
		t.Error("main moved on a read-only push")
	}
}

// TestHistoryRewritesRefused: force pushes and branch deletions are refused
// for everyone, even users who may push.
func TestHistoryRewritesRefused(t *testing.T) {
	f := newFixture(t)
	work := t.TempDir()
	mustGit(t, work, "clone", "--quiet", f.url("ola", "ola-token"), "app")
	dir := filepath.Join(work, "app")
	os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644)
	mustGit(t, dir, "add", "x.txt")
	mustGit(t, dir, "commit", "--quiet", "--amend", "-m", "rewritten first commit")
	if out, err := git(t, dir, "push", "--force", "origin", "main"); err == nil || !strings.Contains(out, "non-fast-forward") {
		t.Errorf("force push accepted:\n%s", out)
	}
	if got := f.head(t, "main"); got != f.created {
		t.Error("main was rewritten")
	}
	mustGit(t, dir, "push", "--quiet", "origin", "HEAD:refs/heads/users/ola")
	if out, err := git(t, dir, "push", "origin", ":users/ola"); err == nil || !strings.Contains(out, "deletion prohibited") {
		t.Errorf("branch deletion accepted:\n%s", out)
	}
	if got := f.head(t, "users/ola"); got == "" {
		t.Error("users/ola was deleted")
	}
}

func TestPathsAndMissingRepo(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		path string
		want int
	}{
		{"/repos/ttd/skjema.git/config", http.StatusNotFound},
		{"/repos/ttd/skjema.git/hooks/pre-receive", http.StatusNotFound},
		{"/repos/ttd/../../etc/passwd", http.StatusNotFound},
		{"/repos/ttd/skjema/info/refs", http.StatusNotFound},
		{"/repos/ttd/finnesikke.git/info/refs?service=git-upload-pack", http.StatusNotFound},
		{"/repos/ttd/skjema.git/HEAD", http.StatusOK},
		{"/repos/ttd/skjema.git/info/refs?service=git-upload-pack", http.StatusOK},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+tt.path, nil)
		req.SetBasicAuth("ola", "ola-token")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.want)
		}
		if tt.want == http.StatusNotFound && resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("GET %s: content type %q", tt.path, resp.Header.Get("Content-Type"))
		}
	}
}

// TestPushTooLarge: a push over MaxPushBytes is cut off and lands nothing.
func TestPushTooLarge(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Config.Handler.(*Server)
	h.cfg.MaxPushBytes = 4 << 10
	work := t.TempDir()
	mustGit(t, work, "clone", "--quiet", f.url("ola", "ola-token"), "app")
	dir := filepath.Join(work, "app")
	// Incompressible, so the pack really is larger than the cap.
	big := make([]byte, 64<<10)
	rand.NewChaCha8([32]byte{1}).Read(big)
	os.WriteFile(filepath.Join(dir, "big.bin"), big, 0o644)
	mustGit(t, dir, "add", "big.bin")
	mustGit(t, dir, "commit", "--quiet", "-m", "big")
	if out, err := git(t, dir, "push", "origin", "main"); err == nil {
		t.Fatalf("oversized push accepted:\n%s", out)
	}
	if got := f.head(t, "main"); got != f.created {
		t.Error("main moved on an oversized push")
	}
	if len(f.pushes.list()) != 0 {
		t.Error("OnPush called for a refused push")
	}
}
