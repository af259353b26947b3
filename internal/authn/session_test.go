// SPDX-License-Identifier: MIT

package authn

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSessionCookie(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		cookie     SessionCookie
		wantName   string
		wantSecure bool
		wantErr    bool
	}{
		{"default", SessionCookie{}, "__Host-blankett_session", true, false},
		{"local dev", SessionCookie{Insecure: true}, "blankett_session", false, false},
		{"custom", SessionCookie{Name: "__Host-x"}, "__Host-x", true, false},
		{"insecure host cookie", SessionCookie{Name: "__Host-x", Insecure: true}, "__Host-x", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if err := tt.cookie.Validate(); (err != nil) != tt.wantErr {
				t.Fatalf("Validate = %v", err)
			}
			token, hash, err := NewSessionToken()
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			tt.cookie.Set(rec, token, time.Now().Add(time.Hour))
			set := rec.Result().Cookies()[0]
			if set.Name != tt.wantName || set.Secure != tt.wantSecure || !set.HttpOnly ||
				set.SameSite != http.SameSiteLaxMode || set.Path != "/" || set.Domain != "" {
				t.Fatalf("cookie = %+v", set)
			}
			req := httptest.NewRequest("GET", "/", nil)
			req.AddCookie(set)
			got, err := tt.cookie.Token(req)
			if err != nil || got != token || HashToken(got) != hash || len(hash) != 64 {
				t.Fatalf("Token = %q, %v", got, err)
			}
		})
	}
}

func TestSessionTokenRejectsJunk(t *testing.T) {
	t.Parallel()
	var c SessionCookie
	for _, v := range []string{"", "abc", strings.Repeat("g", 64), strings.Repeat("A", 64)} {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(&http.Cookie{Name: c.CookieName(), Value: v})
		if _, err := c.Token(req); !errors.Is(err, ErrNoSession) {
			t.Errorf("%q: err = %v", v, err)
		}
	}
	rec := httptest.NewRecorder()
	c.Clear(rec)
	if ck := rec.Result().Cookies()[0]; ck.MaxAge >= 0 || ck.Value != "" {
		t.Fatalf("clear = %+v", ck)
	}
}
