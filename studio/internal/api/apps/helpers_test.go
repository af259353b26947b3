// SPDX-License-Identifier: MIT

package apps_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/apps"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/blankett/blankett/studio/internal/gitserver"
	"github.com/blankett/blankett/studio/internal/store"
	"github.com/gin-gonic/gin"
)

const pw = "a long password"

// fixture is studio's app API and git smart HTTP over a real account service and
// real repositories: org ttd with owner (Owners), devel (Devs) and reader (only a
// Deploy team: read rights), org skd where devel is a Dev, and outsider in no org.
// ttd/app1 exists.
type fixture struct {
	h      http.Handler
	repos  *gitrepo.Store
	tokens map[string]string
}

func newFixture(t testing.TB, db *dbx.DB) *fixture {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	svc, err := account.New(account.Options{Store: store.New(db), Environments: []string{"test"},
		Argon2: account.Argon2Params{Memory: 64, Time: 1, Threads: 1}})
	must(t, err)
	root, _, err := svc.EnsureAdmin(ctx, "root", pw)
	must(t, err)
	owner, err := svc.CreateUser(ctx, root, account.NewUser{Username: "owner", Password: pw, InstallationAdmin: true})
	must(t, err)
	for _, org := range []string{"ttd", "skd"} {
		_, err = svc.CreateOrg(ctx, owner, org, "")
		must(t, err)
	}
	f := &fixture{tokens: map[string]string{}}
	for _, u := range []string{"devel", "reader", "outsider"} {
		_, err := svc.CreateUser(ctx, owner, account.NewUser{Username: u, Password: pw})
		must(t, err)
	}
	must(t, svc.AddMember(ctx, owner, "ttd", "Devs", "devel"))
	must(t, svc.AddMember(ctx, owner, "skd", "Devs", "devel"))
	must(t, svc.AddMember(ctx, owner, "ttd", account.DeployTeam("test"), "reader"))
	for _, u := range []string{"owner", "devel", "reader", "outsider"} {
		p, err := svc.User(ctx, u)
		must(t, err)
		secret, _, err := svc.CreateToken(ctx, p, "t", 0)
		must(t, err)
		f.tokens[u] = secret
	}
	f.repos, err = gitrepo.New(ctx, t.TempDir(), gitrepo.Options{})
	must(t, err)
	_, err = f.repos.Create(ctx, "ttd", "app1", gitrepo.Author{Name: "owner", Email: "owner@example.test"})
	must(t, err)

	log := slog.New(slog.DiscardHandler)
	h, err := apps.New(apps.Options{Accounts: svc, Repos: f.repos, Cookie: api.SessionCookie(false), Log: log})
	must(t, err)
	pl := gitserver.NewLintOnPush(f.repos)
	pl.Notify = func(_ context.Context, r gitserver.PushLint) { h.RememberLint(r.Commit, r.Report) }
	gs, err := gitserver.New(ctx, gitserver.Config{Store: f.repos, Auth: gitAuth{svc}, OnPush: pl.OnPush, Log: log})
	must(t, err)
	e := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(e)
	for _, m := range []string{"GET", "POST"} {
		e.Handle(m, "/repos/*path", gin.WrapH(gs))
	}
	f.h = httpx.Public(e)
	return f
}

// gitAuth is studio's adapter (studio/gitauth.go), repeated here because the studio
// package cannot be imported from its internal packages' tests without a cycle.
type gitAuth struct{ svc *account.Service }

func (g gitAuth) Authenticate(ctx context.Context, user, secret string) (gitserver.Principal, error) {
	p, err := g.svc.Authenticate(ctx, user, secret)
	if errors.Is(err, account.ErrBadCredentials) {
		return gitserver.Principal{}, gitserver.ErrUnauthenticated
	}
	return gitserver.Principal{Name: p.Username, Account: p}, err
}

func (g gitAuth) Can(ctx context.Context, p gitserver.Principal, org, app string, perm gitserver.Permission) bool {
	ap, _ := p.Account.(account.Principal)
	if perm == gitserver.PermEdit {
		return g.svc.Can(ctx, ap, org, app, account.Edit)
	}
	return g.svc.Can(ctx, ap, org, app, account.Read)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// response is a recorded answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("not JSON: %s", r.body)
	}
	return m
}

func (r response) code() string {
	var p struct{ Code string }
	_ = json.Unmarshal(r.body, &p)
	return p.Code
}

// do sends a request as user ("" anonymous). body is sent as is for a string or
// []byte, else as JSON; ctype overrides application/json.
func (f *fixture) do(t testing.TB, user, method, path string, body any, hdr ...string) response {
	t.Helper()
	var rd *bytes.Reader
	switch b := body.(type) {
	case nil:
		rd = bytes.NewReader(nil)
	case string:
		rd = bytes.NewReader([]byte(b))
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, apps.Base+path, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[user])
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// head is a branch's head ("" when it does not exist).
func (f *fixture) head(t testing.TB, org, app, branch string) string {
	t.Helper()
	r, err := f.repos.Open(context.Background(), org, app)
	must(t, err)
	h, err := r.Head(context.Background(), branch)
	if errors.Is(err, gitrepo.ErrNotFound) {
		return ""
	}
	must(t, err)
	return h
}

// file reads a file at a revision ("" when missing).
func (f *fixture) file(t testing.TB, rev, p string) string {
	t.Helper()
	r, err := f.repos.Open(context.Background(), "ttd", "app1")
	must(t, err)
	b, err := r.ReadFile(context.Background(), rev, p)
	if errors.Is(err, gitrepo.ErrNotFound) {
		return ""
	}
	must(t, err)
	return string(b)
}

// parent is the head a save of user must name: the working branch, else main.
func (f *fixture) parent(t testing.TB, user string) string {
	t.Helper()
	if h := f.head(t, "ttd", "app1", "users/"+user); h != "" {
		return h
	}
	return f.head(t, "ttd", "app1", "main")
}

func ifMatch(h string) []string { return []string{"If-Match", `"` + h + `"`} }

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// commitParents returns a commit's parents.
func (f *fixture) commitParents(t testing.TB, commit string) []string {
	t.Helper()
	r, err := f.repos.Open(context.Background(), "ttd", "app1")
	must(t, err)
	ci, err := r.CommitInfo(context.Background(), commit)
	must(t, err)
	return ci.Parents
}

// renameStep posts a rename as devel on top of parent before and checks the
// answer's status (and code, when not empty). It returns the answer and the new
// head of devel when the rename was made, as one commit on before; a refused one
// must have left the branch where it was, and then ok is false.
func (f *fixture) renameStep(t testing.TB, name, path string, body any, before string, status int, code string) (r response, after string, ok bool) {
	t.Helper()
	r = f.do(t, "devel", "POST", path, body)
	if r.status != status || (code != "" && r.code() != code) {
		t.Fatalf("%s: %d %s", name, r.status, r.body)
	}
	after = f.parent(t, "devel")
	if status != 200 {
		if after != before {
			t.Fatalf("%s: refused but the branch moved", name)
		}
		return r, after, false
	}
	if p := f.commitParents(t, after); len(p) != 1 || p[0] != before {
		t.Fatalf("%s: not one commit", name)
	}
	return r, after, true
}
