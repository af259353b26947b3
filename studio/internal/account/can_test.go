// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"testing"

	"github.com/blankett/blankett/studio/internal/account"
)

// TestCan is the rights matrix: each team alone, against every permission.
func TestCan(t *testing.T) {
	run(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		perms := []account.Permission{account.Read, account.Edit, account.Release, account.Admin,
			account.Deploy("test"), account.Deploy("production"), account.Deploy("staging")}
		tests := []struct {
			team string
			want []bool // in the order of perms
		}{
			{"", []bool{false, false, false, false, false, false, false}},
			{"Owners", []bool{true, true, true, true, false, false, false}},
			{"Devs", []bool{true, true, true, false, false, false, false}},
			{"Deploy-test", []bool{true, false, false, false, true, false, false}},
			{"Deploy-production", []bool{true, false, false, false, false, true, false}},
		}
		for i, tt := range tests {
			name := []string{"u0", "u1", "u2", "u3", "u4"}[i]
			p, err := e.svc.CreateUser(ctx, e.admin, account.NewUser{Username: name, Password: pw})
			if err != nil {
				t.Fatal(err)
			}
			if tt.team != "" {
				if err := e.svc.AddMember(ctx, e.admin, "ttd", tt.team, name); err != nil {
					t.Fatal(err)
				}
			}
			for j, perm := range perms {
				if got := e.svc.Can(ctx, p, "ttd", "app", perm); got != tt.want[j] {
					t.Errorf("team %q: Can(%s) = %v, want %v", tt.team, perm, got, tt.want[j])
				}
				if e.svc.Can(ctx, p, "nosuchorg", "app", perm) {
					t.Errorf("team %q: Can(%s) in a missing org", tt.team, perm)
				}
			}
		}
		if e.svc.Can(ctx, account.Principal{}, "ttd", "", account.Read) {
			t.Error("zero principal may read")
		}
	})
}

func TestPermissionDeployEnv(t *testing.T) {
	if env, ok := account.Deploy("Production").DeployEnv(); !ok || env != "production" {
		t.Fatalf("DeployEnv = %q, %v", env, ok)
	}
	for _, p := range []account.Permission{account.Read, "deploy:"} {
		if _, ok := p.DeployEnv(); ok {
			t.Errorf("%q is a deploy permission", p)
		}
	}
}
