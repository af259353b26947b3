// SPDX-License-Identifier: MIT

package api_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// fakeSessions knows one password, one token and one session.
type fakeSessions struct{ broken bool }

const (
	goodToken   = "bst_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	goodSession = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
)

func (f fakeSessions) Authenticate(_ context.Context, user, secret string) (account.Principal, error) {
	switch {
	case secret == goodToken && (user == "" || user == "kari"):
		return account.Principal{UserID: 1, Username: "kari", TokenID: 7}, nil
	case user == "kari" && secret == "pw":
		return account.Principal{UserID: 1, Username: "kari"}, nil
	}
	return account.Principal{}, account.ErrBadCredentials
}

func (fakeSessions) Can(context.Context, account.Principal, string, string, account.Permission) bool {
	return false
}

func (f fakeSessions) SessionPrincipal(_ context.Context, token string) (account.Principal, error) {
	if f.broken {
		return account.Principal{}, errors.New("database down")
	}
	if token == goodSession {
		return account.Principal{UserID: 1, Username: "kari"}, nil
	}
	return account.Principal{}, account.ErrBadCredentials
}

func engine(s api.Sessions, require bool) *gin.Engine {
	e := httpx.NewEngine(slog.New(slog.DiscardHandler), httpx.NewMetrics())
	hs := []gin.HandlerFunc{api.Identify(s, api.SessionCookie(false))}
	if require {
		hs = append(hs, api.RequireUser())
	}
	hs = append(hs, func(c *gin.Context) {
		p, ok := api.PrincipalFrom(c.Request.Context())
		if !ok {
			c.String(http.StatusOK, "anonymous")
			return
		}
		c.String(http.StatusOK, p.Username+" "+string(api.MethodFrom(c.Request.Context()))+" "+api.SessionTokenFrom(c.Request.Context()))
	})
	e.GET("/x", hs...)
	return e
}

func TestIdentify(t *testing.T) {
	cookie := api.SessionCookieName + "="
	tests := []struct {
		name, header, value string
		require, broken     bool
		status              int
		body                string // prefix of the body, or the problem code
	}{
		{"anonymous", "", "", false, false, 200, "anonymous"},
		{"anonymous required", "", "", true, false, 401, "login_required"},
		{"bearer token", "Authorization", "Bearer " + goodToken, true, false, 200, "kari token "},
		{"bearer lower case", "Authorization", "bearer " + goodToken, true, false, 200, "kari token "},
		{"basic password", "Authorization", basic("kari", "pw"), true, false, 200, "kari password "},
		{"basic token", "Authorization", basic("kari", goodToken), true, false, 200, "kari token "},
		{"basic token no name", "Authorization", basic("", goodToken), true, false, 200, "kari token "},
		{"session", "Cookie", cookie + goodSession, true, false, 200, "kari session " + goodSession},
		{"bad bearer on open route", "Authorization", "Bearer x", false, false, 401, "bad_credentials"},
		{"password as bearer", "Authorization", "Bearer pw", true, false, 401, "bad_credentials"},
		{"bad basic", "Authorization", "Basic !!!", true, false, 401, "bad_credentials"},
		{"other scheme", "Authorization", "Negotiate abc", true, false, 401, "bad_credentials"},
		{"stale cookie is anonymous", "Cookie", cookie + strings.Repeat("1", 64), false, false, 200, "anonymous"},
		{"stale cookie where required", "Cookie", cookie + strings.Repeat("1", 64), true, false, 401, "login_required"},
		{"malformed cookie", "Cookie", cookie + "x", true, false, 401, "login_required"},
		{"store down", "Cookie", cookie + goodSession, true, true, 500, "internal_error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/x", nil)
			if tt.header != "" {
				r.Header.Set(tt.header, tt.value)
			}
			rec := httptest.NewRecorder()
			engine(fakeSessions{broken: tt.broken}, tt.require).ServeHTTP(rec, r)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.body) {
				t.Fatalf("%d %s, want %d %q", rec.Code, rec.Body, tt.status, tt.body)
			}
			if rec.Code == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without a challenge")
			}
		})
	}
}

func basic(user, pass string) string {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.SetBasicAuth(user, pass)
	return r.Header.Get("Authorization")
}

// TestChallengeSparesPageScripts: a Basic challenge on a page script's fetch makes
// browsers show their own password dialog over the designer's login screen.
func TestChallengeSparesPageScripts(t *testing.T) {
	tests := []struct {
		name, mode string
		challenge  bool
	}{
		{"git or curl (no fetch metadata)", "", true},
		{"top-level navigation", "navigate", true},
		{"page script, same origin", "same-origin", false},
		{"page script, cors", "cors", false},
	}
	for _, tt := range tests {
		for _, auth := range []string{"", "Bearer x"} {
			t.Run(tt.name+" "+auth, func(t *testing.T) {
				r := httptest.NewRequest(http.MethodGet, "/x", nil)
				if tt.mode != "" {
					r.Header.Set("Sec-Fetch-Mode", tt.mode)
				}
				if auth != "" {
					r.Header.Set("Authorization", auth)
				}
				rec := httptest.NewRecorder()
				engine(fakeSessions{}, true).ServeHTTP(rec, r)
				if rec.Code != http.StatusUnauthorized {
					t.Fatalf("status %d, want 401", rec.Code)
				}
				if got := rec.Header().Get("WWW-Authenticate") != ""; got != tt.challenge {
					t.Fatalf("challenge sent = %v, want %v", got, tt.challenge)
				}
			})
		}
	}
}
