// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"testing"

	"github.com/blankett/blankett/studio/internal/account"
)

func TestCreateUser(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		_, err := e.svc.CreateUser(ctx, e.devel, account.NewUser{Username: "per", Password: pw})
		wantErr(t, err, account.ErrForbidden)
		tests := []struct {
			name string
			n    account.NewUser
			want error
		}{
			{"taken", account.NewUser{Username: "KARI", Password: pw}, account.ErrExists},
			{"bad name", account.NewUser{Username: "per hansen", Password: pw}, account.ErrInvalid},
			{"short password", account.NewUser{Username: "per", Password: "short"}, account.ErrInvalid},
			{"bad e-mail", account.NewUser{Username: "per", Password: pw, Email: "per"}, account.ErrInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.svc.CreateUser(ctx, e.admin, tt.n)
				wantErr(t, err, tt.want)
			})
		}
		if _, err := e.svc.User(ctx, "per"); err == nil {
			t.Fatal("a refused user was stored")
		}
	})
}

func TestLoginExternal(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		x := account.External{Issuer: "https://idp.example", Subject: "dev-ola", Name: "Ola Nordmann"}
		p, err := e.svc.LoginExternal(ctx, x)
		if err != nil || p.Username != "dev-ola" || p.InstallationAdmin {
			t.Fatalf("LoginExternal = %+v, %v", p, err)
		}
		again, err := e.svc.LoginExternal(ctx, x)
		if err != nil || again.UserID != p.UserID {
			t.Fatalf("second login = %+v, %v", again, err)
		}
		// The same subject at another issuer is another person; the name is taken, so a
		// generated one is used. An opaque subject gets a generated name too.
		for _, other := range []account.External{{Issuer: "https://other", Subject: "dev-ola"}, {Issuer: "https://other", Subject: "Opaque/Subject=="}} {
			q, err := e.svc.LoginExternal(ctx, other)
			if err != nil || q.UserID == p.UserID || len(q.Username) != 13 || q.Username[:5] != "user-" {
				t.Fatalf("LoginExternal(%+v) = %+v, %v", other, q, err)
			}
		}
		// No password: password login is refused.
		_, err = e.svc.LoginPassword(ctx, "dev-ola", "")
		wantErr(t, err, account.ErrBadCredentials)
		if e.svc.Can(ctx, p, "ttd", "", account.Read) {
			t.Fatal("external user got rights without JoinOnFirstLogin")
		}
		_, err = e.svc.LoginExternal(ctx, account.External{Issuer: "x"})
		wantErr(t, err, account.ErrBadCredentials)
	})
}

func TestSeedDev(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		first, err := e.svc.SeedDev(ctx, "")
		if err != nil || len(first) < 10 {
			t.Fatalf("SeedDev = %q, %v", first, err)
		}
		second, err := e.svc.SeedDev(ctx, "")
		if err != nil || second == first {
			t.Fatalf("second SeedDev = %q, %v", second, err)
		}
		if _, err := e.svc.LoginPassword(ctx, "dev", first); err == nil {
			t.Fatal("old dev password still works")
		}
		dev, err := e.svc.LoginPassword(ctx, "dev", second)
		if err != nil || !dev.InstallationAdmin {
			t.Fatalf("dev login = %+v, %v", dev, err)
		}
		for _, perm := range []account.Permission{account.Admin, account.Edit, account.Deploy("test"), account.Deploy("production")} {
			if !e.svc.Can(ctx, dev, account.DevOrg, "", perm) {
				t.Errorf("dev lacks %s", perm)
			}
		}
		// Dev mode: an external login joins the demo org.
		joiner, err := account.New(account.Options{Store: e.st, Argon2: cheap, JoinOnFirstLogin: account.DevOrg})
		if err != nil {
			t.Fatal(err)
		}
		p, err := joiner.LoginExternal(ctx, account.External{Issuer: "http://dev", Subject: "dev-kari"})
		if err != nil || !joiner.Can(ctx, p, "ttd", "", account.Deploy("production")) {
			t.Fatalf("joined user = %+v, %v", p, err)
		}
	})
}
