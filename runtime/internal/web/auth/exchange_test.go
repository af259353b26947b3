// SPDX-License-Identifier: MIT

package auth_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// systemRedirect is where the provider sends the end-user system's browser
// back; the test reads the code from the redirect instead of following it.
const systemRedirect = "http://system.example/callback"

// TestTokenExchange: an end-user system that logged a person in at the
// provider (the dev IdP standing in for ID-porten, as its own client) exchanges
// the person's access token for a platform token that acts for the person with
// the end-user scopes it asked for; tokens that are not the provider's are 401.
func TestTokenExchange(t *testing.T) {
	idpSrv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + idpSrv.Listener.Addr().String()
	e := newEnv(t, dbtest.SQLite(t), func(o *auth.Options) {
		p, err := devidp.New(devidp.Options{Issuer: issuer, Clients: []devidp.Client{
			{ID: "runtime", Secret: "s3cret", RedirectURIs: []string{o.PublicURL + auth.PathCallback}},
			{ID: "system", Secret: "system-secret", RedirectURIs: []string{systemRedirect}},
		}})
		if err != nil {
			t.Fatal(err)
		}
		idpSrv.Config.Handler = p.Handler()
		o.Dev = false
		o.OIDC = auth.OIDC{Issuer: issuer, ClientID: "runtime", ClientSecret: "s3cret"}
	})
	idpSrv.Start()
	t.Cleanup(idpSrv.Close)

	access := systemLogin(t, issuer, olaPID, "openid altinn:instances.read altinn:instances.write profile")
	c := webtest.Client(t)
	exchange := func(header ...string) webtest.Page {
		return webtest.Do(t, c, http.MethodGet, e.url+auth.PathExchangeIDPorten, nil, header...)
	}

	r := exchange("Authorization", "Bearer "+access)
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") || r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("exchange: %d %s %v", r.Status, r.Body, r.Header)
	}
	me := callerOf(t, webtest.Do(t, c, http.MethodGet, e.url+"/whoami", nil, "Authorization", "Bearer "+r.Body))
	if me.Kind != auth.Person || me.UserID == 0 || me.AuthLevel != 3 ||
		!slices.Equal(me.Scopes, []string{"altinn:instances.read", "altinn:instances.write"}) || me.ClientID != "system" {
		t.Fatalf("the exchanged token's caller: %+v", me)
	}
	// The person is the one a browser login of the same pid makes.
	if login := callerOf(t, login(t, e, webtest.Client(t), olaPID, "/whoami")); login.UserID != me.UserID {
		t.Fatalf("exchange made user %d, login user %d", me.UserID, login.UserID)
	}

	platform, _, err := e.h.Issuer().Issue(authn.Claims{Subject: "1", UserID: "1", AuthLevel: 3}, 60e9)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		header []string
	}{
		{"no token", nil},
		{"not bearer", []string{"Authorization", "Basic " + base64.StdEncoding.EncodeToString([]byte("a:b"))}},
		{"not a token", []string{"Authorization", "Bearer not.a.token"}},
		{"a token the provider did not sign (our own)", []string{"Authorization", "Bearer " + platform}},
		{"the provider's token, altered", []string{"Authorization", "Bearer " + access[:len(access)-4] + "AAAA"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := exchange(tc.header...)
			if r.Status != http.StatusUnauthorized || problemCode(t, r) != auth.CodeInvalidToken ||
				!strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		})
	}
}

// systemLogin runs the authorization code flow with PKCE as the end-user
// system's own client at the provider, picking the test person pid, and
// returns the access token.
func systemLogin(t *testing.T, issuer, pid, scope string) string {
	t.Helper()
	c := webtest.Client(t)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	verifier := strings.Repeat("v", 43)
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"response_type": {"code"}, "client_id": {"system"}, "redirect_uri": {systemRedirect},
		"scope": {scope}, "state": {"st"}, "nonce": {"n"}, "code_challenge_method": {"S256"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}}
	back := webtest.DevLogin(t, c, issuer+"/authorize?"+q.Encode(), pid)
	loc, err := url.Parse(back.Header.Get("Location"))
	if err != nil || back.Status/100 != 3 || loc.Query().Get("code") == "" {
		t.Fatalf("authorize: %d %s %v", back.Status, back.Header.Get("Location"), err)
	}
	tok := webtest.Do(t, c, http.MethodPost, issuer+"/token", url.Values{"grant_type": {"authorization_code"},
		"code": {loc.Query().Get("code")}, "redirect_uri": {systemRedirect}, "code_verifier": {verifier},
		"client_id": {"system"}, "client_secret": {"system-secret"}})
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal([]byte(tok.Body), &out); err != nil || tok.Status != http.StatusOK || out.AccessToken == "" {
		t.Fatalf("token: %d %s", tok.Status, tok.Body)
	}
	return out.AccessToken
}
