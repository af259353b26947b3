// SPDX-License-Identifier: MIT

package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"
)

// TestServeDevLogin runs `blankett serve --dev` and follows /login to the built-in dev
// IdP's test-user page over real HTTP; the platform JWKS is published.
func TestServeDevLogin(t *testing.T) {
	bin := binary(t)
	s := startServe(t, bin, t.TempDir(), "--dev", "--oidc-client-secret", "NEVER-LOG-THE-CLIENT-SECRET",
		"--login-state-key", strings.Repeat("NEVER-LOG-STATE-KEY-", 2))
	s.waitReady(t, time.Now())
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	tests := []struct {
		path, want string
	}{
		{"/login?returnTo=/parties", "Testinnlogging"},
		{"/authentication/api/v1/openid/.well-known/openid-configuration/jwks", `"kty":"OKP"`},
	}
	for _, tt := range tests {
		resp, err := client.Get("http://" + s.public + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), tt.want) {
			t.Fatalf("GET %s = %d at %s: %.300s\nlogs:\n%s", tt.path, resp.StatusCode, resp.Request.URL, body, s.logs)
		}
	}
	if err := s.stop(t); err != nil {
		t.Fatal(err)
	}
	if logs := s.logs.String(); strings.Contains(logs, "NEVER-LOG") || !strings.Contains(logs, "dev IdP") {
		t.Fatalf("logs leak a secret or lack the dev IdP notice:\n%s", logs)
	}
}
