// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/studio/internal/account"
)

func TestLoginPassword(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		p, err := e.svc.LoginPassword(ctx, " Kari ", pw)
		if err != nil || p.UserID != e.devel.UserID || p.Username != "kari" || p.TokenID != 0 {
			t.Fatalf("LoginPassword = %+v, %v", p, err)
		}
		tests := []struct{ name, user, pw string }{
			{"wrong password", "kari", pw + "!"},
			{"unknown user", "nobody", pw},
			{"empty user", "", pw},
			{"empty password", "kari", ""},
			{"oversized password", "kari", strings.Repeat("x", 300)},
		}
		for _, tt := range tests {
			_, err := e.svc.LoginPassword(ctx, tt.user, tt.pw)
			if err == nil {
				t.Errorf("%s: accepted", tt.name)
			}
			wantErr(t, err, account.ErrBadCredentials)
		}
	})
}

func TestSessions(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		token, exp, err := e.svc.StartSession(ctx, e.devel)
		if err != nil || !exp.Equal(e.clock.t.Add(4*time.Hour)) {
			t.Fatalf("StartSession: exp %s, %v", exp, err)
		}
		if p, err := e.svc.SessionPrincipal(ctx, token); err != nil || p.Username != "kari" {
			t.Fatalf("SessionPrincipal = %+v, %v", p, err)
		}
		_, err = e.svc.SessionPrincipal(ctx, strings.Repeat("0", 64))
		wantErr(t, err, account.ErrBadCredentials)
		e.clock.t = e.clock.t.Add(61 * time.Minute)
		_, err = e.svc.SessionPrincipal(ctx, token)
		wantErr(t, err, account.ErrBadCredentials)

		token, _, _ = e.svc.StartSession(ctx, e.devel)
		if err := e.svc.EndSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.SessionPrincipal(ctx, token)
		wantErr(t, err, account.ErrBadCredentials)

		// A password change ends the user's other sessions.
		token, _, _ = e.svc.StartSession(ctx, e.devel)
		wantErr(t, e.svc.ChangePassword(ctx, e.devel, "wrong password", "another long one"), account.ErrBadCredentials)
		wantErr(t, e.svc.ChangePassword(ctx, e.devel, pw, "short"), account.ErrInvalid)
		if err := e.svc.ChangePassword(ctx, e.devel, pw, "another long one"); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.SessionPrincipal(ctx, token)
		wantErr(t, err, account.ErrBadCredentials)
		if _, err := e.svc.LoginPassword(ctx, "kari", "another long one"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRehashOnLogin(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		stronger, err := account.New(account.Options{Store: e.st, Argon2: account.Argon2Params{Memory: 128, Time: 1, Threads: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := stronger.LoginPassword(ctx, "kari", pw); err != nil {
			t.Fatal(err)
		}
		u, _ := e.st.UserByName(ctx, "kari")
		if !strings.Contains(u.PasswordHash, "m=128,") {
			t.Fatalf("hash not upgraded: %s", u.PasswordHash)
		}
		if _, err := e.svc.LoginPassword(ctx, "kari", pw); err != nil {
			t.Fatalf("upgraded hash does not verify: %v", err)
		}
	})
}
