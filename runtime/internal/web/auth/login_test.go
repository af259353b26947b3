// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// Seeded dev IdP users (internal/devidp/seed.json).
const (
	olaPID    = "15888010030" // DAGL for Fiktiv Bakeri AS
	perPID    = "31929010062" // REGNA for Testkommune Sør
	bakeryOrg = "310000108"
)

func ptr[T any](v T) *T { return &v }

func TestBrowserLoginPartiesLogout(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db, nil)
		ctx := context.Background()
		c := webtest.Client(t)

		me := callerOf(t, login(t, e, c, olaPID, "/whoami"))
		if me.Kind != auth.Person || me.UserID == 0 || me.PartyID != me.UserPartyID || me.AuthLevel != 3 || !me.ViaSession {
			t.Fatalf("after login: %+v", me)
		}
		u, _ := url.Parse(e.url)
		var cookie *http.Cookie
		for _, ck := range c.Jar.Cookies(u) {
			if ck.Name == "blankett_session" {
				cookie = ck
			}
		}
		if cookie == nil || e.h.CookieName() != "blankett_session" {
			t.Fatalf("no insecure session cookie on http: %v", c.Jar.Cookies(u))
		}

		page := webtest.Do(t, c, http.MethodGet, e.url+"/parties?returnTo=/whoami", nil)
		for _, want := range []string{"Deg selv: Ola Nordmann", "Fiktiv Bakeri AS (org.nr. 310000108)", "Roller: DAGL",
			`type="radio"`, `class="ds-fieldset"`, `name="returnTo" value="/whoami"`} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("parties page lacks %q:\n%s", want, page.Body)
			}
		}
		if strings.Contains(page.Body, "<script") {
			t.Error("parties page must work without JavaScript")
		}
		bakery, err := e.store.PartyByOrgNumber(ctx, bakeryOrg)
		if err != nil {
			t.Fatal(err)
		}
		other, err := e.store.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: ptr("999999999"), Name: "Andre AS"})
		if err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name       string
			party      string
			wantStatus int
			wantCode   string
			wantParty  int64
		}{
			{"organisation with a role", strconv.FormatInt(bakery.ID, 10), http.StatusOK, "", bakery.ID},
			{"organisation without a role", strconv.FormatInt(other.ID, 10), http.StatusForbidden, auth.CodePartyNotAllowed, bakery.ID},
			{"not a number", "x", http.StatusBadRequest, auth.CodeInvalidParty, bakery.ID},
			{"back to yourself", strconv.FormatInt(me.UserPartyID, 10), http.StatusOK, "", me.UserPartyID},
		}
		for _, tt := range tests {
			r := webtest.Do(t, c, http.MethodPost, e.url+"/parties", url.Values{"party": {tt.party}, "returnTo": {"/whoami"}})
			if r.Status != tt.wantStatus {
				t.Fatalf("%s: %d %s", tt.name, r.Status, r.Body)
			}
			if tt.wantCode != "" {
				if code := problemCode(t, r); code != tt.wantCode {
					t.Fatalf("%s: code %q", tt.name, code)
				}
			}
			if got := callerOf(t, webtest.Do(t, c, http.MethodGet, e.url+"/whoami", nil)); got.PartyID != tt.wantParty {
				t.Fatalf("%s: caller party %d, want %d", tt.name, got.PartyID, tt.wantParty)
			}
		}

		// A second login of the same person reuses the user and replaces the session.
		again := callerOf(t, login(t, e, c, olaPID, "/whoami"))
		if again.UserID != me.UserID {
			t.Fatalf("second login made user %d, want %d", again.UserID, me.UserID)
		}
		if r := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+"/whoami", nil, "Cookie", "blankett_session="+cookie.Value); r.Status != http.StatusUnauthorized {
			t.Fatalf("the session replaced by a new login still works: %d", r.Status)
		}

		if r := webtest.Do(t, c, http.MethodPost, e.url+"/logout", url.Values{}); r.URL.Path != "/" {
			t.Fatalf("logout ended at %s", r.URL)
		}
		if r := webtest.Do(t, c, http.MethodGet, e.url+"/whoami", nil); r.Status != http.StatusUnauthorized || problemCode(t, r) != auth.CodeUnauthenticated {
			t.Fatalf("after logout: %d %s", r.Status, r.Body)
		}
	})
}

func TestAnonymousCookies(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db, nil)
		c := webtest.Client(t)
		callerOf(t, login(t, e, c, perPID, "/whoami"))
		u, _ := url.Parse(e.url)
		var live string
		for _, ck := range c.Jar.Cookies(u) {
			if ck.Name == e.h.CookieName() {
				live = ck.Value
			}
		}
		tests := []struct {
			name, cookie string
			advance      time.Duration
		}{
			{"forged token", strings.Repeat("A", 43), 0},
			{"junk", "not-a-token", 0},
			{"idle expired", live, 31 * time.Minute},
		}
		for _, tt := range tests {
			e.advance(tt.advance)
			r := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+"/whoami", nil, "Cookie", e.h.CookieName()+"="+tt.cookie)
			if r.Status != http.StatusUnauthorized {
				t.Errorf("%s: %d %s", tt.name, r.Status, r.Body)
			}
		}
		// Anonymous visitors of the party page are sent to log in and come back.
		r := webtest.Do(t, &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
			http.MethodGet, e.url+"/parties", nil)
		if loc := r.Header.Get("Location"); r.Status != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?returnTo=%2Fparties") {
			t.Fatalf("anonymous /parties: %d %q", r.Status, loc)
		}
		if r := webtest.Do(t, http.DefaultClient, http.MethodPost, e.url+"/parties", url.Values{"party": {"1"}}); r.Status != http.StatusUnauthorized {
			t.Fatalf("anonymous POST /parties: %d", r.Status)
		}
	})
}

func TestNotConfigured(t *testing.T) {
	db := dbtest.SQLite(t)
	e := newEnv(t, db, func(o *auth.Options) { o.Dev = false; o.SigningKey.ID = "" })
	tests := []struct {
		method, path string
		wantCode     string
	}{
		{http.MethodGet, "/login", auth.CodeLoginNotConfigured},
		{http.MethodGet, "/login/callback?code=x&state=y", auth.CodeLoginNotConfigured},
		{http.MethodPost, auth.PathToken, auth.CodeTokensNotConfigured},
		{http.MethodGet, auth.PathJWKS, auth.CodeTokensNotConfigured},
		{http.MethodGet, "/devidp/.well-known/openid-configuration", "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var form url.Values
			if tt.method == http.MethodPost {
				form = url.Values{}
			}
			r := webtest.Do(t, http.DefaultClient, tt.method, e.url+tt.path, form)
			if code := problemCode(t, r); code != tt.wantCode || (tt.wantCode != "not_found" && r.Status != http.StatusServiceUnavailable) {
				t.Fatalf("%d %q %s", r.Status, code, r.Body)
			}
		})
	}
}
