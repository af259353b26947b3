// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"slices"
	"testing"

	"github.com/blankett/blankett/studio/internal/account"
)

func TestCreateOrg(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		_, err := e.svc.CreateOrg(ctx, e.devel, "skd", "")
		wantErr(t, err, account.ErrForbidden)
		_, err = e.svc.CreateOrg(ctx, e.admin, "ttd", "")
		wantErr(t, err, account.ErrExists)
		_, err = e.svc.CreateOrg(ctx, e.admin, "Bad Name", "")
		wantErr(t, err, account.ErrInvalid)
		o, err := e.svc.CreateOrg(ctx, e.admin, "skd", "Skatteetaten")
		if err != nil || !slices.Equal(o.Teams, []string{"Owners"}) || !o.Rights.Admin {
			t.Fatalf("CreateOrg = %+v, %v", o, err)
		}
		mine, err := e.svc.MyOrgs(ctx, e.admin)
		if err != nil || len(mine) != 2 || mine[0].Name != "skd" || mine[1].Name != "ttd" {
			t.Fatalf("MyOrgs(admin) = %+v, %v", mine, err)
		}
		if mine, _ := e.svc.MyOrgs(ctx, e.devel); len(mine) != 0 {
			t.Fatalf("MyOrgs(kari) = %+v", mine)
		}
		// A non-member cannot tell a missing org from one they are not in.
		_, err = e.svc.OrgOf(ctx, e.devel, "ttd")
		wantErr(t, err, account.ErrNotFound)
		if err := e.svc.AddMember(ctx, e.admin, "ttd", "Deploy-test", "kari"); err != nil {
			t.Fatal(err)
		}
		o, err = e.svc.OrgOf(ctx, e.devel, "ttd")
		if err != nil || !o.Rights.Read || o.Rights.Edit || !slices.Equal(o.Rights.Deploy, []string{"test"}) {
			t.Fatalf("OrgOf(kari) = %+v, %v", o, err)
		}
	})
}

func TestEnsureStandardTeams(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		more, err := account.New(account.Options{Store: e.st, Argon2: cheap, Environments: []string{"test", "production", "staging"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := more.EnsureStandardTeams(ctx); err != nil {
			t.Fatal(err)
		}
		if err := more.EnsureStandardTeams(ctx); err != nil {
			t.Fatalf("second run: %v", err)
		}
		teams, err := more.Teams(ctx, e.admin, "ttd")
		if err != nil || len(teams) != 5 {
			t.Fatalf("Teams = %+v, %v", teams, err)
		}
	})
}
