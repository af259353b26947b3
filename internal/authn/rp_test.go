// SPDX-License-Identifier: MIT

package authn_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/devidp"
)

const (
	rpSecret   = "s3cret-value-for-tests"
	callback   = "https://app.example/auth/callback"
	olaPID     = "15888010030"
	otherAudID = "other-client"
)

// idp starts the dev IdP on a real HTTP server. rewriteClient, when set, makes the
// server act for another registered client, which yields ID tokens for the wrong audience.
func idp(t *testing.T, now func() time.Time, rewriteClient string) string {
	t.Helper()
	var h http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rewriteClient != "" {
			q := r.URL.Query()
			if q.Has("client_id") {
				q.Set("client_id", rewriteClient)
				r.URL.RawQuery = q.Encode()
			}
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/authorize") {
				_ = r.ParseForm()
				r.PostForm.Set("client_id", rewriteClient)
			}
			if strings.HasSuffix(r.URL.Path, "/token") {
				r.SetBasicAuth(rewriteClient, rpSecret)
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	clients := []devidp.Client{{ID: "rp", Secret: rpSecret, RedirectURIs: []string{callback}},
		{ID: otherAudID, Secret: rpSecret, RedirectURIs: []string{callback}}}
	p, err := devidp.New(devidp.Options{Issuer: srv.URL + "/idp", Clients: clients, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	h = p.Handler()
	return p.Issuer()
}

func newRP(t *testing.T, issuer string) *authn.RP {
	t.Helper()
	rp, err := authn.NewRP(context.Background(), authn.Config{Issuer: issuer, ClientID: "rp", ClientSecret: rpSecret,
		RedirectURL: callback, Scopes: []string{"altinn:instances.read"}, ACRValues: "idporten-loa-high"})
	if err != nil {
		t.Fatal(err)
	}
	return rp
}

// login plays the browser: it opens the authorize page, picks Ola and returns the
// callback request the IdP redirects to.
func login(t *testing.T, authURL string) *http.Request {
	t.Helper()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page, err := http.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if page.StatusCode != 200 || !strings.Contains(string(body), "Ola Nordmann") || !strings.Contains(string(body), "<legend>") {
		t.Fatalf("authorize page: %d %s", page.StatusCode, body)
	}
	u, _ := url.Parse(authURL)
	form := u.Query()
	form.Set("user", olaPID)
	form.Set("acr", "idporten-loa-high")
	u.RawQuery = ""
	resp, err := noRedirect.PostForm(u.String(), form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, callback) {
		t.Fatalf("submit: %d %q", resp.StatusCode, loc)
	}
	return httptest.NewRequest("GET", loc, nil)
}

func TestRPBeginExchange(t *testing.T) {
	t.Parallel()
	rp := newRP(t, idp(t, nil, ""))
	rec := httptest.NewRecorder()
	authURL, err := rp.Begin(rec, "//evil.example/x")
	if err != nil {
		t.Fatal(err)
	}
	ck := rec.Result().Cookies()[0]
	if ck.Name != authn.LoginCookieName || !ck.Secure || !ck.HttpOnly || strings.Contains(authURL, "code_verifier") {
		t.Fatalf("cookie %+v url %s", ck, authURL)
	}
	cb := login(t, authURL)
	cb.AddCookie(ck)
	id, err := rp.Exchange(context.Background(), cb)
	if err != nil {
		t.Fatal(err)
	}
	if id.NationalID != olaPID || id.Subject != "dev-ola" || id.Name != "Ola Nordmann" || id.AuthLevel != 4 || id.ReturnTo != "/" {
		t.Fatalf("identity = %+v", id)
	}
	if _, err := rp.Exchange(context.Background(), httptest.NewRequest("GET", cb.URL.String(), nil)); !errors.Is(err, authn.ErrLoginState) {
		t.Fatalf("no cookie: %v", err)
	}
	tampered := httptest.NewRequest("GET", cb.URL.String(), nil)
	tampered.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value[:len(ck.Value)-3] + "abc"})
	if _, err := rp.Exchange(context.Background(), tampered); !errors.Is(err, authn.ErrLoginState) {
		t.Fatalf("tampered cookie: %v", err)
	}
}

func TestRPExchangeFailures(t *testing.T) {
	t.Parallel()
	good := idp(t, nil, "")
	past := func() time.Time { return time.Now().Add(-time.Hour) }
	tests := []struct {
		name   string
		issuer string
		edit   func(ls *authn.LoginState, cb *http.Request)
		twice  bool
		want   error
	}{
		{"good", good, nil, false, nil},
		{"wrong state", good, func(_ *authn.LoginState, cb *http.Request) { setQuery(cb, "state", "forged") }, false, authn.ErrStateMismatch},
		{"wrong nonce", good, func(ls *authn.LoginState, _ *http.Request) { ls.Nonce = "another-nonce" }, false, authn.ErrNonceMismatch},
		{"bad PKCE verifier", good, func(ls *authn.LoginState, _ *http.Request) { ls.Verifier = authn.NewLoginState("").Verifier }, false, authn.ErrCodeExchange},
		{"replayed code", good, nil, true, authn.ErrCodeExchange},
		{"provider error", good, func(_ *authn.LoginState, cb *http.Request) { setQuery(cb, "error", "access_denied") }, false, authn.ErrProviderError},
		{"expired id token", idp(t, past, ""), nil, false, authn.ErrTokenExpired},
		{"wrong audience", idp(t, nil, otherAudID), nil, false, authn.ErrIDToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rp := newRP(t, tt.issuer)
			ls := authn.NewLoginState("/inbox")
			cb := login(t, rp.AuthCodeURL(ls))
			code := cb.URL.Query().Get("code")
			if tt.edit != nil {
				tt.edit(&ls, cb)
			}
			id, err := rp.ExchangeWith(context.Background(), cb, ls)
			if tt.twice {
				id, err = rp.ExchangeWith(context.Background(), cb, ls)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err == nil {
				if id.NationalID != olaPID || id.ReturnTo != "/inbox" {
					t.Fatalf("identity = %+v", id)
				}
				return
			}
			for _, secret := range []string{code, ls.Verifier, rpSecret} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("error %q leaks a secret", err)
				}
			}
		})
	}
}

func setQuery(r *http.Request, k, v string) {
	q := r.URL.Query()
	q.Set(k, v)
	r.URL.RawQuery = q.Encode()
}
