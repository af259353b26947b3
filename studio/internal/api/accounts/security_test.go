// SPDX-License-Identifier: MIT

package accounts_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/accounts"
	"github.com/blankett/blankett/studio/internal/store"
)

const pw = "a long password"

// secretName is the owner's full name: it must never appear in an answer to a caller
// who may not see ttd's teams.
const secretName = "Owner Secret-Name"

// fixture is a studio with org ttd (owner in Owners, devel in Devs) and org skd, whose
// only owner is outsider.
type fixture struct {
	h       http.Handler
	svc     *account.Service
	tokens  map[string]string // caller → bearer token
	develID int64             // a live token of devel's
}

func newFixture(t *testing.T, db *dbx.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	svc, err := account.New(account.Options{Store: store.New(db), Argon2: account.Argon2Params{Memory: 64, Time: 1, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	root, _, err := svc.EnsureAdmin(ctx, "root", pw)
	must(err)
	owner, err := svc.CreateUser(ctx, root, account.NewUser{Username: "owner", FullName: secretName, Password: pw, InstallationAdmin: true})
	must(err)
	_, err = svc.CreateOrg(ctx, owner, "ttd", "")
	must(err)
	_, err = svc.CreateOrg(ctx, owner, "skd", "")
	must(err)
	f := &fixture{svc: svc, tokens: map[string]string{}}
	for _, u := range []string{"devel", "outsider"} {
		_, err := svc.CreateUser(ctx, owner, account.NewUser{Username: u, Password: pw})
		must(err)
	}
	must(svc.AddMember(ctx, owner, "ttd", "Devs", "devel"))
	must(svc.AddMember(ctx, owner, "skd", "Owners", "outsider"))
	must(svc.RemoveMember(ctx, owner, "skd", "Owners", "owner"))
	for _, u := range []string{"devel", "outsider"} {
		p, err := svc.User(ctx, u)
		must(err)
		secret, tok, err := svc.CreateToken(ctx, p, "t", 0)
		must(err)
		f.tokens[u] = secret
		if u == "devel" {
			f.develID = tok.ID
			revoked, rt, err := svc.CreateToken(ctx, p, "revoked", 0)
			must(err)
			must(svc.RevokeToken(ctx, p, rt.ID))
			f.tokens["revoked"] = revoked
		}
	}
	log := slog.New(slog.DiscardHandler)
	h, err := accounts.New(accounts.Options{Accounts: svc, Cookie: api.SessionCookie(false), Log: log})
	must(err)
	e := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(e)
	f.h = httpx.Public(e)
	return f
}

// TestSecurityMatrix sends every protected request as callers who must be refused and
// checks the status, that the answer is a problem carrying no data, and that nothing
// changed.
func TestSecurityMatrix(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		type req struct{ method, path, body string }
		v1 := accounts.Base
		member := v1 + "/orgs/ttd/teams/Owners/members/outsider"
		reqs := map[string]req{
			"logout":        {"POST", v1 + "/logout", ""},
			"whoami":        {"GET", v1 + "/whoami", ""},
			"password":      {"PUT", v1 + "/user/password", `{"currentPassword":"a long password","newPassword":"taken over!!"}`},
			"list tokens":   {"GET", v1 + "/user/tokens", ""},
			"create token":  {"POST", v1 + "/user/tokens", `{"name":"x"}`},
			"revoke token":  {"DELETE", fmt.Sprintf("%s/user/tokens/%d", v1, f.develID), ""},
			"create user":   {"POST", v1 + "/users", `{"username":"mallory","password":"a long password","installationAdmin":true}`},
			"list orgs":     {"GET", v1 + "/orgs", ""},
			"create org":    {"POST", v1 + "/orgs", `{"name":"evil"}`},
			"get org":       {"GET", v1 + "/orgs/ttd", ""},
			"list teams":    {"GET", v1 + "/orgs/ttd/teams", ""},
			"add member":    {"PUT", member, ""},
			"remove member": {"DELETE", v1 + "/orgs/ttd/teams/Devs/members/devel", ""},
		}
		unauthenticated := map[string]int{}
		for name := range reqs {
			unauthenticated[name] = http.StatusUnauthorized
		}
		callers := []struct {
			name string
			auth func(*http.Request)
			want map[string]int // request → status; others are not refusals for this caller
		}{
			{"no credentials", func(*http.Request) {}, unauthenticated},
			{"garbage bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer nonsense") }, unauthenticated},
			{"unknown scheme", func(r *http.Request) { r.Header.Set("Authorization", "Digest x") }, unauthenticated},
			{"revoked token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+f.tokens["revoked"]) }, unauthenticated},
			{"revoked token as basic", func(r *http.Request) { r.SetBasicAuth("devel", f.tokens["revoked"]) }, unauthenticated},
			{"password as bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+pw) }, unauthenticated},
			{"wrong password", func(r *http.Request) { r.SetBasicAuth("devel", "not the password") }, unauthenticated},
			{"token of another user", func(r *http.Request) { r.SetBasicAuth("devel", f.tokens["outsider"]) }, unauthenticated},
			{"forged cookie", func(r *http.Request) { r.Header.Set("Cookie", api.SessionCookieName+"="+strings.Repeat("ab", 32)) }, unauthenticated},
			{"other org's owner", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+f.tokens["outsider"]) }, map[string]int{
				"revoke token": 404, "create user": 403, "create org": 403, "get org": 404, "list teams": 404,
				"add member": 404, "remove member": 404, "create token": 403,
			}},
			{"developer, not owner", func(r *http.Request) { r.SetBasicAuth("devel", pw) }, map[string]int{
				"create user": 403, "create org": 403, "add member": 403, "remove member": 403,
			}},
		}
		for _, c := range callers {
			for name, want := range c.want {
				rq := reqs[name]
				t.Run(c.name+"/"+name, func(t *testing.T) {
					r := httptest.NewRequest(rq.method, rq.path, strings.NewReader(rq.body))
					if rq.body != "" {
						r.Header.Set("Content-Type", "application/json")
					}
					c.auth(r)
					rec := httptest.NewRecorder()
					f.h.ServeHTTP(rec, r)
					body := rec.Body.String()
					if rec.Code != want {
						t.Fatalf("status %d, want %d: %s", rec.Code, want, body)
					}
					if ct := rec.Header().Get("Content-Type"); ct != httpx.ProblemContentType {
						t.Errorf("Content-Type %q", ct)
					}
					// The problem's instance echoes the request path, so names from the
					// path may appear; data the caller did not send must not.
					for _, leak := range []string{secretName, `"teams"`, `"members"`, `"orgs"`, "bst_"} {
						if strings.Contains(body, leak) {
							t.Errorf("answer leaks %q: %s", leak, body)
						}
					}
					if want == http.StatusUnauthorized && rec.Header().Get("WWW-Authenticate") == "" {
						t.Error("401 without WWW-Authenticate")
					}
				})
			}
		}
		f.assertUnchanged(t)
	})
}

// assertUnchanged checks that the refused requests changed nothing.
func (f *fixture) assertUnchanged(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	owner, err := f.svc.User(ctx, "owner")
	if err != nil {
		t.Fatal(err)
	}
	teams, err := f.svc.Teams(ctx, owner, "ttd")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tm := range teams {
		for _, m := range tm.Members {
			got = append(got, tm.Name+":"+m.Username)
		}
	}
	if want := []string{"Devs:devel", "Owners:owner"}; !slices.Equal(got, want) {
		t.Errorf("ttd members = %v, want %v", got, want)
	}
	for _, u := range []string{"mallory"} {
		if _, err := f.svc.User(ctx, u); err == nil {
			t.Errorf("user %s was created", u)
		}
	}
	if orgs, _ := f.svc.MyOrgs(ctx, owner); len(orgs) != 1 {
		t.Errorf("owner's orgs = %+v", orgs)
	}
	devel, _ := f.svc.User(ctx, "devel")
	if toks, _ := f.svc.Tokens(ctx, devel); len(toks) != 1 || toks[0].ID != f.develID {
		t.Errorf("devel's tokens = %+v", toks)
	}
	if _, err := f.svc.LoginPassword(ctx, "devel", pw); err != nil {
		t.Errorf("devel's password changed: %v", err)
	}
}
