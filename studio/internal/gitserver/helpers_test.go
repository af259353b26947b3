// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// fakeAuth is an in-test Authenticator: users with tokens, and per-user
// permissions on every app.
type fakeAuth struct {
	tokens map[string]string
	perms  map[string][]Permission
}

func (a fakeAuth) Authenticate(_ context.Context, user, secret string) (Principal, error) {
	if tok, ok := a.tokens[user]; ok && tok == secret {
		return Principal{Name: user, Email: user + "@example.test"}, nil
	}
	return Principal{}, ErrUnauthenticated
}

func (a fakeAuth) Can(_ context.Context, p Principal, org, app string, perm Permission) bool {
	for _, have := range a.perms[p.Name] {
		if have == perm {
			return true
		}
	}
	return false
}

// pushLog records OnPush calls.
type pushLog struct {
	mu    sync.Mutex
	calls []string
}

func (l *pushLog) add(org, app, ref, old, new string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls = append(l.calls, strings.Join([]string{org, app, ref, old, new}, " "))
}

func (l *pushLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.calls...)
}

type fixture struct {
	store   *gitrepo.Store
	srv     *httptest.Server
	created string
	pushes  *pushLog
	lint    *lintLog
}

// lintLog keeps the latest push lint report per app and ref, as a
// LintOnPush's Notify.
type lintLog struct {
	mu      sync.Mutex
	reports map[string]PushLint
}

func (l *lintLog) record(_ context.Context, r PushLint) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports[r.Org+"/"+r.App+" "+r.Ref] = r
}

// Latest returns the report of the last push to a branch ("main" or
// "refs/heads/main").
func (l *lintLog) Latest(org, app, branch string) (PushLint, bool) {
	if !strings.HasPrefix(branch, "refs/") {
		branch = "refs/heads/" + branch
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.reports[org+"/"+app+" "+branch]
	return r, ok
}

// newFixture starts a git server with ttd/skjema and three users: ola
// (read and edit), lese (read only) and ingen (no rights).
func newFixture(t testing.TB) *fixture {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	store, err := gitrepo.New(ctx, t.TempDir(), gitrepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	created, err := store.Create(ctx, "ttd", "skjema", gitrepo.Author{Name: "Studio", Email: "studio@example.test"})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store, created: created, pushes: &pushLog{}, lint: &lintLog{reports: map[string]PushLint{}}}
	pushLint := NewLintOnPush(store)
	pushLint.Notify = f.lint.record
	auth := fakeAuth{
		tokens: map[string]string{"ola": "ola-token", "lese": "lese-token", "ingen": "ingen-token"},
		perms:  map[string][]Permission{"ola": {PermRead, PermEdit}, "lese": {PermRead}},
	}
	srv, err := New(ctx, Config{Store: store, Auth: auth, OnPush: func(ctx context.Context, org, app, ref, old, new string) {
		f.pushes.add(org, app, ref, old, new)
		pushLint.OnPush(ctx, org, app, ref, old, new)
	}})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(srv)
	t.Cleanup(f.srv.Close)
	return f
}

// url is the clone URL with credentials.
func (f *fixture) url(user, token string) string {
	return strings.Replace(f.srv.URL, "http://", "http://"+user+":"+token+"@", 1) + "/repos/ttd/skjema.git"
}

// git runs the real git client in dir with a clean, prompt-free setup.
func git(t testing.TB, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Ola", "-c", "user.email=ola@example.test", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=true", "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func mustGit(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := git(t, dir, args...)
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return out
}

func (f *fixture) head(t testing.TB, branch string) string {
	t.Helper()
	r, err := f.store.Open(context.Background(), "ttd", "skjema")
	if err != nil {
		t.Fatal(err)
	}
	h, err := r.Head(context.Background(), branch)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
