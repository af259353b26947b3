// SPDX-License-Identifier: MIT

package accounts_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/accounts"
	"github.com/blankett/blankett/studio/internal/store"
)

// TestLoginRateLimit logs in over HTTP on a fake clock: five failures for a user
// name refuse even the right password with 429 and Retry-After until the window
// passes; a success clears the name's failures; twenty from one address refuse
// every name from it.
func TestLoginRateLimit(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		_, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil)
		must(t, err)
		svc, err := account.New(account.Options{Store: store.New(db), Argon2: account.Argon2Params{Memory: 64, Time: 1, Threads: 1}})
		must(t, err)
		root, _, err := svc.EnsureAdmin(ctx, "root", pw)
		must(t, err)
		for _, u := range []string{"kari", "ola"} {
			_, err = svc.CreateUser(ctx, root, account.NewUser{Username: u, Password: pw})
			must(t, err)
		}
		now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		log := slog.New(slog.DiscardHandler)
		h, err := accounts.New(accounts.Options{Accounts: svc, Cookie: api.SessionCookie(false), Log: log,
			Now: func() time.Time { return now }})
		must(t, err)
		e := httpx.NewEngine(log, httpx.NewMetrics())
		h.Mount(e)
		login := func(user, pass, addr string) *httptest.ResponseRecorder {
			body := `{"username":"` + user + `","password":"` + pass + `"}`
			req := httptest.NewRequest("POST", accounts.Base+"/login", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = addr + ":4711"
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			return rec
		}
		steps := []struct {
			name             string
			advance          time.Duration
			user, pass, addr string
			times            int
			status           int
			retryAfter       string
		}{
			{"four failures", 0, "kari", "wrong", "10.0.0.1", 4, 401, ""},
			{"a success clears them", 0, "kari", pw, "10.0.0.1", 1, 200, ""},
			{"five failures", 0, "Kari", "wrong", "10.0.0.2", 5, 401, ""},
			{"the right password is refused", time.Minute, "kari", pw, "10.0.0.3", 1, 429, "840"},
			{"from any address", 30 * time.Second, "kari", "wrong", "10.0.0.4", 1, 429, "810"},
			{"another user is not", 0, "ola", pw, "10.0.0.2", 1, 200, ""},
			{"until the window passes", 14 * time.Minute, "kari", pw, "10.0.0.3", 1, 200, ""},
			{"twenty failures from one address", 0, "nobody%d", "wrong", "10.0.0.9", 20, 401, ""},
			{"refuse every name from it", 0, "ola", pw, "10.0.0.9", 1, 429, "900"},
			{"but not from elsewhere", 0, "ola", pw, "10.0.0.8", 1, 200, ""},
		}
		for _, s := range steps {
			now = now.Add(s.advance)
			var r *httptest.ResponseRecorder
			for i := range s.times {
				user := s.user
				if strings.Contains(user, "%d") {
					user = fmt.Sprintf(user, i) // a name per attempt
				}
				r = login(user, s.pass, s.addr)
			}
			if r.Code != s.status {
				t.Fatalf("%s: %d %s", s.name, r.Code, r.Body)
			}
			if got := r.Header().Get("Retry-After"); got != s.retryAfter {
				t.Fatalf("%s: Retry-After %q, want %q", s.name, got, s.retryAfter)
			}
			if s.status == http.StatusTooManyRequests && !strings.Contains(r.Body.String(), `"code":"too_many_attempts"`) {
				t.Fatalf("%s: %s", s.name, r.Body)
			}
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
