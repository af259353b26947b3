// SPDX-License-Identifier: MIT

package authz_test

import (
	"context"
	"errors"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/runtime/internal/authz"
)

func TestAuthorizeFailuresDeny(t *testing.T) {
	t.Parallel()
	p := corpusPolicy(t, signing)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	per := citizen(perUser, perParty, 2, rd, wr)
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		a       *authz.Authorizer
		target  authz.Target
		p       *policy.Policy
		wantErr error
	}{
		{"no policy", context.Background(), authz.New(newFakeRoles()), at(signing, firmParty, "Task_1", "read"), nil, authz.ErrNoPolicy},
		{"no action", context.Background(), authz.New(newFakeRoles()), at(signing, firmParty, "Task_1", ""), p, authz.ErrInvalidTarget},
		{"no role lookup", context.Background(), authz.New(nil), at(signing, firmParty, "Task_1", "read"), p, authz.ErrUndecided},
		{"cancelled context", cancelled, authz.New(newFakeRoles()), at(signing, firmParty, "Task_1", "read"), p, authz.ErrUndecided},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := tc.a.Authorize(tc.ctx, per, tc.target, tc.p)
			if d.Allowed || d.Category != authz.Error || d.Reason == "" {
				t.Errorf("decision = %+v, want an Error denial with a reason", d)
			}
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// TestAnyOrgPolicyStillOwnAppsOnly: a policy that permits every service
// owner (no org match on the subject) must still not let one act on another
// org's app.
func TestAnyOrgPolicyStillOwnAppsOnly(t *testing.T) {
	t.Parallel()
	p := &policy.Policy{Combining: policy.PermitUnlessDeny}
	a := authz.New(newFakeRoles())
	target := at(signing, firmParty, "Task_1", "read")
	d, err := a.Authorize(context.Background(), serviceOwner("skd", 3, soRead), target, p)
	if err != nil || d.Allowed || d.Category != authz.Role {
		t.Fatalf("other org: %+v, %v; want a role denial", d, err)
	}
	if d, err := a.Authorize(context.Background(), serviceOwner("ttd", 3, soRead), target, p); err != nil || !d.Allowed {
		t.Fatalf("own org: %+v, %v; want allowed", d, err)
	}
}
