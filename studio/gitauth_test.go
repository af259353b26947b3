// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"errors"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/gitserver"
	"github.com/blankett/blankett/studio/internal/store"
)

func TestGitAuth(t *testing.T) {
	ctx := context.Background()
	db := dbtest.SQLite(t)
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	svc, err := account.New(account.Options{Store: store.New(db), Argon2: account.Argon2Params{Memory: 64, Time: 1, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	admin, _, err := svc.EnsureAdmin(ctx, "admin", "a long password")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateOrg(ctx, admin, "ttd", ""); err != nil {
		t.Fatal(err)
	}
	deployer, err := svc.CreateUser(ctx, admin, account.NewUser{Username: "deployer", Email: "d@example.no", Password: "a long password"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.AddMember(ctx, admin, "ttd", "Deploy-test", "deployer"); err != nil {
		t.Fatal(err)
	}
	token, _, err := svc.CreateToken(ctx, deployer, "git", 0)
	if err != nil {
		t.Fatal(err)
	}
	g := gitAuth{svc: svc}
	_, err = g.Authenticate(ctx, "deployer", "wrong password")
	if !errors.Is(err, gitserver.ErrUnauthenticated) {
		t.Fatalf("wrong password: %v", err)
	}
	p, err := g.Authenticate(ctx, "deployer", token)
	if err != nil || p.Name != "deployer" || p.Email != "d@example.no" {
		t.Fatalf("token: %+v, %v", p, err)
	}
	if !g.Can(ctx, p, "ttd", "app", gitserver.PermRead) || g.Can(ctx, p, "ttd", "app", gitserver.PermEdit) {
		t.Fatal("a Deploy-test member must read but not push")
	}
	pa, _ := g.Authenticate(ctx, "admin", "a long password")
	if !g.Can(ctx, pa, "ttd", "app", gitserver.PermEdit) || g.Can(ctx, pa, "other", "app", gitserver.PermRead) {
		t.Fatal("owner rights wrong")
	}
	if g.Can(ctx, gitserver.Principal{Name: "admin"}, "ttd", "app", gitserver.PermRead) {
		t.Fatal("a principal not made by Authenticate was trusted")
	}
}
