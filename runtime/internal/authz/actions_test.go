// SPDX-License-Identifier: MIT

package authz_test

import (
	"context"
	"errors"
	"maps"
	"testing"

	"github.com/blankett/blankett/runtime/internal/authz"
)

func TestActionsFor(t *testing.T) {
	t.Parallel()
	p := corpusPolicy(t, signing)
	a := authz.New(newFakeRoles())
	all := func(v bool) map[string]bool {
		m := map[string]bool{}
		for _, act := range authz.DefaultActions() {
			m[act] = v
		}
		return m
	}
	with := func(m map[string]bool, allowed ...string) map[string]bool {
		for _, act := range allowed {
			m[act] = true
		}
		return m
	}
	for _, tc := range []struct {
		name    string
		caller  authz.Caller
		target  authz.Target
		actions []string
		want    map[string]bool
	}{
		{"DAGL in Task_1", citizen(perUser, perParty, 2, rd, wr), at(signing, firmParty, "Task_1", ""), nil,
			with(all(false), "read", "write", "delete")},
		{"DAGL in Task_2", citizen(perUser, perParty, 2, rd, wr), at(signing, firmParty, "Task_2", ""), nil,
			with(all(false), "read", "delete", "sign", "reject")},
		{"DAGL with a read-only token", citizen(perUser, perParty, 2, rd), at(signing, firmParty, "Task_1", ""), nil,
			with(all(false), "read")},
		{"DAGL below the auth level", citizen(perUser, perParty, 0, rd, wr), at(signing, firmParty, "Task_1", ""), nil, all(false)},
		{"service owner at the end", serviceOwner("ttd", 3, soRead, soWrite), at(signing, firmParty, "EndEvent_1", ""), nil,
			with(all(false), "read", "write", "complete")},
		{"service owner of another org", serviceOwner("skd", 3, soRead, soWrite), at(signing, firmParty, "Task_1", ""), nil, all(false)},
		{"no caller", authz.Caller{}, at(signing, firmParty, "Task_1", ""), nil, all(false)},
		{"named actions", citizen(perUser, perParty, 2, rd, wr), at(signing, firmParty, "Task_2", ""), []string{"sign", "pay"},
			map[string]bool{"sign": true, "pay": false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := a.ActionsFor(context.Background(), tc.caller, tc.target, p, tc.actions...)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, tc.want) {
				t.Fatalf("ActionsFor = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestActionsForErrors(t *testing.T) {
	t.Parallel()
	a := authz.New(newFakeRoles())
	ctx := context.Background()
	if _, err := a.ActionsFor(ctx, citizen(perUser, perParty, 2, rd), at(signing, firmParty, "Task_1", ""), nil); !errors.Is(err, authz.ErrNoPolicy) {
		t.Errorf("nil policy: err = %v, want ErrNoPolicy", err)
	}
	p := corpusPolicy(t, signing)
	got, err := a.ActionsFor(ctx, citizen(brokenUser, 1, 2, rd), at(signing, firmParty, "Task_1", ""), p)
	if !errors.Is(err, authz.ErrUndecided) || got != nil {
		t.Errorf("failing roles: got %v, err %v; want nil, ErrUndecided", got, err)
	}
}
