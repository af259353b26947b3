// SPDX-License-Identifier: MIT

package devidp

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

const (
	testIssuer = "https://dev.example/idp"
	testRedir  = "https://app.example/cb"
	verifier   = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP"
)

func challenge(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

type testClock struct{ t time.Time }

func newTestProvider(t *testing.T, c *testClock) http.Handler {
	t.Helper()
	p, err := New(Options{Issuer: testIssuer, Now: func() time.Time { return c.t },
		Clients: []Client{{ID: "app", Secret: "pw", RedirectURIs: []string{testRedir}}, {ID: "pub", RedirectURIs: []string{testRedir}}}})
	if err != nil {
		t.Fatal(err)
	}
	return p.Handler()
}

func authQuery(client string) url.Values {
	return url.Values{"response_type": {"code"}, "client_id": {client}, "redirect_uri": {testRedir}, "scope": {"openid"},
		"state": {"st"}, "nonce": {"nn"}, "code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}}
}

func serve(h http.Handler, method, target string, form url.Values) *httptest.ResponseRecorder {
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// code logs in as Ola and returns the issued code.
func code(t *testing.T, h http.Handler, client string) string {
	t.Helper()
	form := authQuery(client)
	form.Set("user", "15888010030")
	rec := serve(h, "POST", "/idp/authorize", form)
	loc, _ := url.Parse(rec.Header().Get("Location"))
	if rec.Code != http.StatusSeeOther || loc.Query().Get("state") != "st" || loc.Query().Get("iss") != testIssuer {
		t.Fatalf("authorize: %d %s", rec.Code, loc)
	}
	return loc.Query().Get("code")
}

func TestDefaultSeed(t *testing.T) {
	t.Parallel()
	s := DefaultSeed()
	if len(s.Users) < 4 || len(s.Organisations) != 2 || len(s.RolesOf("15888010030")) != 1 {
		t.Fatalf("seed = %+v", s)
	}
}

func TestParseSeedRejects(t *testing.T) {
	t.Parallel()
	for name, doc := range map[string]string{
		"unknown field":  `{"users":[],"extra":1}`,
		"short pid":      `{"users":[{"sub":"a","pid":"123","name":"A"}]}`,
		"duplicate pid":  `{"users":[{"sub":"a","pid":"12345678901","name":"A"},{"sub":"b","pid":"12345678901","name":"B"}]}`,
		"bad org number": `{"organisations":[{"orgNumber":"12","name":"X"}]}`,
		"role for stranger": `{"users":[{"sub":"a","pid":"12345678901","name":"A"}],
			"organisations":[{"orgNumber":"123456789","name":"X"}],"roles":[{"pid":"10987654321","orgNumber":"123456789","roles":["DAGL"]}]}`,
	} {
		if _, err := ParseSeed([]byte(doc)); !errors.Is(err, ErrSeed) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestAuthorizePage(t *testing.T) {
	t.Parallel()
	h := newTestProvider(t, &testClock{t: time.Now()})
	rec := serve(h, "GET", "/idp/authorize?"+authQuery("app").Encode(), nil)
	body := rec.Body.String()
	for _, want := range []string{`<html lang="nb">`, "<legend>Velg testbruker</legend>", `name="user" value="15888010030"`,
		"DAGL for Fiktiv Bakeri AS", `<button type="submit">`, `name="state" value="st"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	tests := []struct {
		name     string
		edit     func(url.Values)
		status   int
		redirErr string
	}{
		{"unknown client", func(q url.Values) { q.Set("client_id", "nope") }, 400, ""},
		{"unregistered redirect", func(q url.Values) { q.Set("redirect_uri", "https://evil.example/") }, 400, ""},
		{"no PKCE", func(q url.Values) { q.Del("code_challenge") }, 303, "invalid_request"},
		{"plain PKCE", func(q url.Values) { q.Set("code_challenge_method", "plain") }, 303, "invalid_request"},
		{"no openid scope", func(q url.Values) { q.Set("scope", "profile") }, 303, "invalid_scope"},
		{"implicit flow", func(q url.Values) { q.Set("response_type", "token") }, 303, "unsupported_response_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q := authQuery("app")
			tt.edit(q)
			rec := serve(h, "GET", "/idp/authorize?"+q.Encode(), nil)
			loc, _ := url.Parse(rec.Header().Get("Location"))
			if rec.Code != tt.status || loc.Query().Get("error") != tt.redirErr {
				t.Fatalf("%d %s", rec.Code, loc)
			}
		})
	}
}

func TestToken(t *testing.T) {
	t.Parallel()
	c := &testClock{t: time.Unix(1_750_000_000, 0)}
	h := newTestProvider(t, c)
	tokenForm := func(code string) url.Values {
		return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {testRedir},
			"code_verifier": {verifier}, "client_id": {"app"}, "client_secret": {"pw"}}
	}
	used := code(t, h, "app")
	if rec := serve(h, "POST", "/idp/token", tokenForm(used)); rec.Code != 200 {
		t.Fatalf("first use: %d %s", rec.Code, rec.Body)
	}
	tests := []struct {
		name   string
		form   func() url.Values
		status int
		errStr string
	}{
		{"good", func() url.Values { return tokenForm(code(t, h, "app")) }, 200, ""},
		{"public client", func() url.Values {
			f := tokenForm(code(t, h, "pub"))
			f.Set("client_id", "pub")
			f.Del("client_secret")
			return f
		}, 200, ""},
		{"replayed code", func() url.Values { return tokenForm(used) }, 400, "invalid_grant"},
		{"bad verifier", func() url.Values {
			f := tokenForm(code(t, h, "app"))
			f.Set("code_verifier", strings.Repeat("x", 43))
			return f
		}, 400, "invalid_grant"},
		{"other redirect_uri", func() url.Values {
			f := tokenForm(code(t, h, "app"))
			f.Set("redirect_uri", "https://app.example/other")
			return f
		}, 400, "invalid_grant"},
		{"wrong secret", func() url.Values {
			f := tokenForm(code(t, h, "app"))
			f.Set("client_secret", "guess")
			return f
		}, 401, "invalid_client"},
		{"code of another client", func() url.Values { return tokenForm(code(t, h, "pub")) }, 400, "invalid_grant"},
		{"wrong grant type", func() url.Values { return url.Values{"grant_type": {"password"}} }, 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(h, "POST", "/idp/token", tt.form())
			var body map[string]any
			_ = json.Unmarshal(rec.Body.Bytes(), &body)
			if rec.Code != tt.status || (tt.errStr != "" && body["error"] != tt.errStr) {
				t.Fatalf("%d %v", rec.Code, body)
			}
			if tt.status != 200 {
				return
			}
			req := httptest.NewRequest("GET", "/idp/userinfo", nil)
			req.Header.Set("Authorization", "Bearer "+body["access_token"].(string))
			ui := httptest.NewRecorder()
			h.ServeHTTP(ui, req)
			if ui.Code != 200 || !strings.Contains(ui.Body.String(), `"pid":"15888010030"`) {
				t.Fatalf("userinfo: %d %s", ui.Code, ui.Body)
			}
		})
	}
	// Codes die after a minute.
	late := code(t, h, "app")
	c.t = c.t.Add(2 * time.Minute)
	if rec := serve(h, "POST", "/idp/token", tokenForm(late)); rec.Code != 400 {
		t.Fatalf("expired code: %d", rec.Code)
	}
}

func TestDiscovery(t *testing.T) {
	t.Parallel()
	h := newTestProvider(t, &testClock{t: time.Now()})
	rec := serve(h, "GET", "/idp/.well-known/openid-configuration", nil)
	var d map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || d["issuer"] != testIssuer || d["jwks_uri"] != testIssuer+"/jwks" {
		t.Fatalf("discovery: %v %v", d, err)
	}
	if rec := serve(h, "GET", "/idp/jwks", nil); !strings.Contains(rec.Body.String(), `"crv":"Ed25519"`) {
		t.Fatalf("jwks: %s", rec.Body)
	}
	if AuthLevel("idporten-loa-high") != 4 || AuthLevel("idporten-loa-substantial") != 3 || AuthLevel("x") != 0 {
		t.Fatal("AuthLevel mapping")
	}
}
