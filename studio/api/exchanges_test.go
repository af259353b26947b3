// SPDX-License-Identifier: MIT

package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/studio/api"
	"github.com/getkin/kin-openapi/openapi3filter"
)

func init() {
	// The document itself is served as YAML text; check it as a string, not as the
	// object kin-openapi would decode it into.
	openapi3filter.RegisterBodyDecoder("application/yaml", openapi3filter.PlainBodyDecoder)
}

// flow runs requests against a started studio and checks each exchange against the
// document as well as its expected status and problem code.
type flow struct {
	t *testing.T
	s *server
	v *openapitest.Validator
}

// call serves req and checks the status, the problem code (when want is a code) and
// the document. badRequest skips request validation, for requests wrong on purpose.
func (f *flow) call(req *http.Request, status int, code string, badRequest bool) openapitest.Exchange {
	f.t.Helper()
	ex := f.s.do(req)
	if ex.Status != status {
		f.t.Fatalf("%s %s = %d, want %d\n%s", req.Method, req.URL, ex.Status, status, ex.Body)
	}
	if code != "" {
		var p struct{ Code string }
		if err := json.Unmarshal(ex.Body, &p); err != nil || p.Code != code {
			f.t.Errorf("%s %s: code %q, want %q", req.Method, req.URL, p.Code, code)
		}
	}
	if ex.Header.Get("Cache-Control") != cacheControl(req.URL.Path, ex.Status) && strings.HasPrefix(req.URL.Path, "/studio/api/v1/") {
		f.t.Errorf("%s %s: Cache-Control %q", req.Method, req.URL, ex.Header.Get("Cache-Control"))
	}
	f.v.Check(f.t, ex, badRequest)
	return ex
}

// cacheControl is the Cache-Control an answer must carry: no-store, but for a
// rendered preview (private, revalidated) and the preview's stylesheets (public).
func cacheControl(path string, status int) string {
	switch {
	case status != http.StatusOK:
	case strings.HasPrefix(path, "/studio/api/v1/preview-assets/"):
		return "public, max-age=3600"
	case strings.Contains(path, "/preview/"):
		return "private, no-cache"
	}
	return "no-store"
}

func with(r *http.Request, kv ...string) *http.Request {
	for i := 0; i < len(kv); i += 2 {
		r.Header.Set(kv[i], kv[i+1])
	}
	return r
}

func decode[T any](t *testing.T, ex openapitest.Exchange) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(ex.Body, &v); err != nil {
		t.Fatalf("decode %s: %v", ex.Body, err)
	}
	return v
}

// sessionCookie returns the Cookie header value of the session cookie ex set.
func sessionCookie(t *testing.T, ex openapitest.Exchange) string {
	t.Helper()
	for _, c := range (&http.Response{Header: ex.Header}).Cookies() {
		if c.Name == "blankett_studio" && c.Value != "" {
			return c.Name + "=" + c.Value
		}
	}
	t.Fatalf("no session cookie in %v", ex.Header["Set-Cookie"])
	return ""
}

// TestExchangesMatchSpec walks every operation of the document as a developer would:
// log in as the dev user, create an org and a user, manage teams, create, use and
// revoke a token, change a password, log out; every exchange must match the document.
func TestExchangesMatchSpec(t *testing.T) {
	s := newServer(t)
	f := &flow{t: t, s: s, v: openapitest.NewValidator(t, openapitest.Load(t, api.Spec()))}
	const v1 = "/studio/api/v1"

	f.call(jsonRequest("GET", "/studio/api/openapi.yaml", nil), 200, "", false)
	f.call(jsonRequest("GET", v1+"/whoami", nil), 401, "login_required", false)
	f.call(jsonRequest("POST", v1+"/login", map[string]string{"username": "dev", "password": "wrong password"}), 401, "bad_credentials", false)
	f.call(with(jsonRequest("POST", v1+"/login", nil), "Content-Type", "text/plain"), 415, "unsupported_media_type", true)
	f.call(jsonRequest("POST", v1+"/login", map[string]any{"username": "dev", "password": devPassword, "extra": 1}), 400, "invalid_json", true)
	ex := f.call(jsonRequest("POST", v1+"/login", map[string]string{"username": "dev", "password": devPassword}), 200, "", false)
	dev := sessionCookie(t, ex)
	me := decode[struct {
		User struct{ Username string }
		Orgs []struct {
			Name        string
			Permissions struct{ Deploy []string }
		}
	}](t, ex)
	if me.User.Username != "dev" || len(me.Orgs) != 1 || me.Orgs[0].Name != "ttd" || len(me.Orgs[0].Permissions.Deploy) != 2 {
		t.Fatalf("dev login: %s", ex.Body)
	}
	as := func(r *http.Request) *http.Request { return with(r, "Cookie", dev) }

	f.call(as(jsonRequest("GET", v1+"/whoami", nil)), 200, "", false)
	f.call(as(jsonRequest("POST", v1+"/orgs", map[string]string{"name": "skd", "fullName": "Skatteetaten"})), 201, "", false)
	f.call(as(jsonRequest("POST", v1+"/orgs", map[string]string{"name": "skd"})), 409, "already_exists", false)
	f.call(as(jsonRequest("POST", v1+"/orgs", map[string]string{"name": "Skd!"})), 400, "invalid_input", true)
	f.call(as(jsonRequest("GET", v1+"/orgs", nil)), 200, "", false)
	f.call(as(jsonRequest("GET", v1+"/orgs/skd", nil)), 200, "", false)
	f.call(as(jsonRequest("GET", v1+"/orgs/nope", nil)), 404, "not_found", false)
	f.call(as(jsonRequest("POST", v1+"/users", map[string]any{"username": "kari", "fullName": "Kari Nordmann",
		"email": "kari@example.no", "password": "karis long password"})), 201, "", false)
	f.call(as(jsonRequest("POST", v1+"/users", map[string]any{"username": "kari", "password": "karis long password"})), 409, "already_exists", false)
	f.call(as(jsonRequest("PUT", v1+"/orgs/skd/teams/Devs/members/kari", nil)), 204, "", false)
	f.call(as(jsonRequest("PUT", v1+"/orgs/skd/teams/Devs/members/kari", nil)), 204, "", false)
	f.call(as(jsonRequest("PUT", v1+"/orgs/skd/teams/Nope/members/kari", nil)), 404, "not_found", false)
	f.call(as(jsonRequest("GET", v1+"/orgs/skd/teams", nil)), 200, "", false)
	f.call(as(jsonRequest("DELETE", v1+"/orgs/skd/teams/Owners/members/dev", nil)), 409, "last_owner", false)

	// Kari logs in with HTTP Basic, makes a token and uses it as Bearer.
	kari := func(r *http.Request) *http.Request { r.SetBasicAuth("kari", "karis long password"); return r }
	ex = f.call(kari(jsonRequest("POST", v1+"/user/tokens", map[string]any{"name": "git", "expiresInDays": 30})), 201, "", false)
	tok := decode[struct {
		ID    int64
		Token string
	}](t, ex)
	bearer := func(r *http.Request) *http.Request { return with(r, "Authorization", "Bearer "+tok.Token) }
	ex = f.call(bearer(jsonRequest("GET", v1+"/whoami", nil)), 200, "", false)
	if decode[struct{ AuthMethod string }](t, ex).AuthMethod != "token" {
		t.Fatalf("whoami by token: %s", ex.Body)
	}
	f.call(bearer(jsonRequest("POST", v1+"/user/tokens", map[string]any{"name": "more"})), 403, "forbidden", false)
	f.call(bearer(jsonRequest("GET", v1+"/user/tokens", nil)), 200, "", false)
	f.call(bearer(jsonRequest("DELETE", v1+"/orgs/skd/teams/Devs/members/kari", nil)), 403, "forbidden", false)
	f.call(kari(jsonRequest("POST", v1+"/user/tokens", map[string]any{"name": ""})), 400, "invalid_input", true)
	f.call(kari(jsonRequest("DELETE", fmt.Sprintf("%s/user/tokens/%d", v1, tok.ID), nil)), 204, "", false)
	f.call(kari(jsonRequest("DELETE", fmt.Sprintf("%s/user/tokens/%d", v1, tok.ID), nil)), 404, "not_found", false)
	f.call(bearer(jsonRequest("GET", v1+"/whoami", nil)), 401, "bad_credentials", false)
	f.call(kari(jsonRequest("PUT", v1+"/user/password", map[string]string{"currentPassword": "karis long password", "newPassword": "short"})), 400, "invalid_input", true)
	f.call(kari(jsonRequest("PUT", v1+"/user/password", map[string]string{"currentPassword": "karis long password", "newPassword": "karis new password"})), 204, "", false)
	f.call(kari(jsonRequest("GET", v1+"/whoami", nil)), 401, "bad_credentials", false)

	f.call(as(jsonRequest("DELETE", v1+"/orgs/skd/teams/Devs/members/kari", nil)), 204, "", false)
	f.call(as(jsonRequest("DELETE", v1+"/orgs/skd/teams/Devs/members/kari", nil)), 404, "not_found", false)
	f.call(as(jsonRequest("POST", v1+"/logout", nil)), 204, "", false)
	f.call(as(jsonRequest("GET", v1+"/whoami", nil)), 401, "login_required", false)
}

// TestOIDCLogin logs in through studio's dev IdP over real HTTP: the redirect, the
// person picked at the IdP, the callback's code exchange and ID token check, and the
// session. In dev mode the new user joins the demo org.
func TestOIDCLogin(t *testing.T) {
	s := newServer(t)
	f := &flow{t: t, s: s, v: openapitest.NewValidator(t, openapitest.Load(t, api.Spec()))}
	ex := f.call(jsonRequest("GET", "/studio/api/v1/login/oidc?returnTo=/studio/ttd", nil), 303, "", false)
	auth, err := url.Parse(ex.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(auth.String(), s.URL+"/studio/devidp/") {
		t.Fatalf("redirect to %q", ex.Header.Get("Location"))
	}
	loginState := (&http.Response{Header: ex.Header}).Cookies()[0]

	// The person picks Ola at the dev IdP's page, which redirects back with a code.
	form := auth.Query()
	form.Set("user", "15888010030")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.PostForm(auth.Scheme+"://"+auth.Host+auth.Path, form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || back.Query().Get("code") == "" {
		t.Fatalf("dev IdP answered %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}

	// A callback without the login-state cookie is refused.
	f.call(jsonRequest("GET", back.RequestURI(), nil), 400, "login_state_invalid", false)
	ex = f.call(with(jsonRequest("GET", back.RequestURI(), nil), "Cookie", loginState.Name+"="+loginState.Value), 303, "", false)
	if ex.Header.Get("Location") != "/studio/ttd" {
		t.Fatalf("returned to %q", ex.Header.Get("Location"))
	}
	ex = f.call(with(jsonRequest("GET", "/studio/api/v1/whoami", nil), "Cookie", sessionCookie(t, ex)), 200, "", false)
	me := decode[struct {
		User struct{ Username, FullName string }
		Orgs []struct{ Name string }
	}](t, ex)
	if me.User.Username != "dev-ola" || me.User.FullName != "Ola Nordmann" || len(me.Orgs) != 1 {
		t.Fatalf("whoami after OIDC login: %s", ex.Body)
	}
	// The code was used: replaying the callback fails.
	f.call(with(jsonRequest("GET", back.RequestURI(), nil), "Cookie", loginState.Name+"="+loginState.Value), 502, "login_failed", false)
}
