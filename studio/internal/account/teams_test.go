// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"testing"

	"github.com/blankett/blankett/studio/internal/account"
)

func TestTeamMembership(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		// Not a member: the org is invisible.
		_, err := e.svc.Teams(ctx, e.devel, "ttd")
		wantErr(t, err, account.ErrNotFound)
		wantErr(t, e.svc.AddMember(ctx, e.devel, "ttd", "Devs", "kari"), account.ErrNotFound)

		if err := e.svc.AddMember(ctx, e.admin, "ttd", "Devs", "Kari"); err != nil {
			t.Fatal(err)
		}
		wantErr(t, e.svc.AddMember(ctx, e.admin, "ttd", "Devs", "kari"), account.ErrExists)
		wantErr(t, e.svc.AddMember(ctx, e.admin, "ttd", "Nope", "kari"), account.ErrNotFound)
		wantErr(t, e.svc.AddMember(ctx, e.admin, "ttd", "Devs", "nobody"), account.ErrNotFound)

		// A developer sees the teams but may not manage them.
		teams, err := e.svc.Teams(ctx, e.devel, "ttd")
		if err != nil || len(teams) != 4 {
			t.Fatalf("Teams = %+v, %v", teams, err)
		}
		wantErr(t, e.svc.AddMember(ctx, e.devel, "ttd", "Owners", "kari"), account.ErrForbidden)
		wantErr(t, e.svc.RemoveMember(ctx, e.devel, "ttd", "Owners", "admin"), account.ErrForbidden)

		// The last owner stays.
		wantErr(t, e.svc.RemoveMember(ctx, e.admin, "ttd", "Owners", "admin"), account.ErrConflict)
		if !e.svc.Can(ctx, e.admin, "ttd", "", account.Admin) {
			t.Fatal("refused removal still removed the owner")
		}
		if err := e.svc.AddMember(ctx, e.admin, "ttd", "Owners", "kari"); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.RemoveMember(ctx, e.admin, "ttd", "Owners", "admin"); err != nil {
			t.Fatal(err)
		}
		wantErr(t, e.svc.RemoveMember(ctx, e.devel, "ttd", "Owners", "kari"), account.ErrConflict)
		wantErr(t, e.svc.RemoveMember(ctx, e.devel, "ttd", "Devs", "admin"), account.ErrNotFound)
		if err := e.svc.RemoveMember(ctx, e.devel, "ttd", "Devs", "kari"); err != nil {
			t.Fatal(err)
		}
	})
}
