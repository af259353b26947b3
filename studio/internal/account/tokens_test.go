// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/studio/internal/account"
)

func TestTokens(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		secret, tok, err := e.svc.CreateToken(ctx, e.devel, " git on laptop ", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, account.TokenPrefix) || len(secret) != 56 || tok.Name != "git on laptop" ||
			!strings.HasPrefix(secret, tok.Prefix) || len(tok.Prefix) != 12 {
			t.Fatalf("secret %q, token %+v", secret, tok)
		}
		for _, user := range []string{"kari", "", "KARI"} {
			p, err := e.svc.Authenticate(ctx, user, secret)
			if err != nil || p.UserID != e.devel.UserID || p.TokenID != tok.ID {
				t.Fatalf("Authenticate(%q, token) = %+v, %v", user, p, err)
			}
		}
		list, err := e.svc.Tokens(ctx, e.devel)
		if err != nil || len(list) != 1 || list[0].LastUsedAt == nil {
			t.Fatalf("Tokens = %+v, %v", list, err)
		}
		if other, _ := e.svc.Tokens(ctx, e.admin); len(other) != 0 {
			t.Fatalf("admin sees kari's tokens: %+v", other)
		}
		// A token can be used, but cannot make more tokens.
		viaToken, _ := e.svc.Authenticate(ctx, "kari", secret)
		_, _, err = e.svc.CreateToken(ctx, viaToken, "more", 0)
		wantErr(t, err, account.ErrForbidden)

		refused := []struct{ name, user, secret string }{
			{"other user's name", "admin", secret},
			{"altered secret", "kari", secret[:len(secret)-1] + "x"},
			{"prefix only", "kari", tok.Prefix},
		}
		for _, tt := range refused {
			if _, err := e.svc.Authenticate(ctx, tt.user, tt.secret); err == nil {
				t.Errorf("%s: accepted", tt.name)
			} else {
				wantErr(t, err, account.ErrBadCredentials)
			}
		}
		wantErr(t, e.svc.RevokeToken(ctx, e.admin, tok.ID), account.ErrNotFound)
		if err := e.svc.RevokeToken(ctx, e.devel, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Authenticate(ctx, "kari", secret)
		wantErr(t, err, account.ErrBadCredentials)

		// Expiry.
		short, _, err := e.svc.CreateToken(ctx, e.devel, "ci", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Authenticate(ctx, "", short); err != nil {
			t.Fatal(err)
		}
		e.clock.t = e.clock.t.Add(time.Hour)
		_, err = e.svc.Authenticate(ctx, "", short)
		wantErr(t, err, account.ErrBadCredentials)

		for _, name := range []string{"", "   ", strings.Repeat("n", 101)} {
			_, _, err := e.svc.CreateToken(ctx, e.devel, name, 0)
			wantErr(t, err, account.ErrInvalid)
		}
		_, _, err = e.svc.CreateToken(ctx, e.devel, "neg", -time.Second)
		wantErr(t, err, account.ErrInvalid)
	})
}

// TestAuthenticatePassword covers the git path: HTTP Basic with a password.
func TestAuthenticatePassword(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		if p, err := e.svc.Authenticate(ctx, "kari", pw); err != nil || p.UserID != e.devel.UserID {
			t.Fatalf("Authenticate = %+v, %v", p, err)
		}
		_, err := e.svc.Authenticate(ctx, "kari", "bst_"+strings.Repeat("a", 52))
		wantErr(t, err, account.ErrBadCredentials)
	})
}
