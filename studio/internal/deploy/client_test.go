// SPDX-License-Identifier: MIT

package deploy

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestClient runs the grant, a deploy that is refused once with 401 (the token
// is fetched again), a refusal with a problem, and an environment without a key.
func TestClient(t *testing.T) {
	var tokens, puts atomic.Int32
	var registered string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == pathToken:
			_ = r.ParseForm()
			if r.Form.Get("assertion") == "" {
				t.Error("token request without assertion")
			}
			n := tokens.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"access_token":"tok`+string(rune('0'+n))+`","expires_in":1800}`)
		case r.Method == http.MethodPut && r.URL.Path == pathApps+"/ttd/demo/releases/v1":
			if puts.Add(1) == 1 {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			if r.Header.Get("Authorization") != "Bearer tok2" {
				t.Errorf("retry used %q", r.Header.Get("Authorization"))
			}
			w.WriteHeader(http.StatusCreated)
		default:
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = io.WriteString(w, `{"code":"lint_failed","detail":"bad app","errors":[{"field":"App/x.json","detail":"broken"}]}`)
		}
	}))
	defer srv.Close()
	key, kid, err := DevKey()
	if err != nil {
		t.Fatal(err)
	}
	c := NewClient(Env{Name: "test", URL: srv.URL, ClientPrefix: "studio-", Key: key, KeyID: kid,
		Register: func(_ context.Context, id, org string, jwks []byte) error {
			registered = id + " " + org
			if !strings.Contains(string(jwks), `"kid":"`+kid+`"`) {
				t.Errorf("jwks %s lacks kid %s", jwks, kid)
			}
			return nil
		}}, srv.Client())
	if err := c.Deploy(context.Background(), "ttd", "demo", "v1", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if registered != "studio-ttd ttd" || tokens.Load() != 2 {
		t.Fatalf("registered %q, %d tokens", registered, tokens.Load())
	}
	err = c.Deploy(context.Background(), "ttd", "demo", "v2", []byte("x"))
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "lint_failed: bad app; App/x.json broken") || strings.Contains(err.Error(), "tok") {
		t.Fatalf("refusal = %v", err)
	}
	none := NewClient(Env{Name: "prod", URL: srv.URL}, nil)
	if _, err := none.Releases(context.Background(), "ttd", "demo"); !errors.Is(err, ErrNotConfigured) {
		t.Fatalf("no key: %v", err)
	}
}
