// SPDX-License-Identifier: MIT

package authz_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/runtime/internal/authz"
)

func TestFromClaims(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		claims  authn.Claims
		want    authz.Caller
		wantErr error
	}{
		{"person", authn.Claims{UserID: "1003", PartyID: 5003, AuthLevel: 3, Scopes: []string{rd}, ClientID: "c1"},
			authz.Caller{Kind: authz.User, UserID: 1003, PartyID: 5003, AuthLevel: 3, Scopes: []string{rd}, ClientID: "c1"}, nil},
		{"service owner", authn.Claims{Org: "ttd", OrgNumber: "991825827", AuthLevel: 3, Scopes: []string{soRead}},
			authz.Caller{Kind: authz.ServiceOwner, Org: "ttd", OrgNumber: "991825827", AuthLevel: 3, Scopes: []string{soRead}}, nil},
		{"organisation", authn.Claims{OrgNumber: "910000001", AuthLevel: 3},
			authz.Caller{Kind: authz.Org, OrgNumber: "910000001", AuthLevel: 3}, nil},
		{"nothing", authn.Claims{Scopes: []string{rd}}, authz.Caller{Kind: authz.None, Scopes: []string{rd}}, nil},
		{"bad user id", authn.Claims{UserID: "abc"}, authz.Caller{}, authz.ErrInvalidCaller},
		{"negative user id", authn.Claims{UserID: "-4"}, authz.Caller{}, authz.ErrInvalidCaller},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := authz.FromClaims(tc.claims)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("FromClaims = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFromSession(t *testing.T) {
	t.Parallel()
	got := authz.FromSession(1001, 5100, 2)
	want := authz.Caller{Kind: authz.User, UserID: 1001, PartyID: 5100, AuthLevel: 2, Scopes: []string{authz.ScopePortal}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("FromSession = %+v, want %+v", got, want)
	}
	if c := authz.FromSession(0, 5100, 2); c.Kind != authz.None {
		t.Fatalf("no user: kind %v, want None", c.Kind)
	}
}

func TestKindString(t *testing.T) {
	t.Parallel()
	for k, want := range map[authz.Kind]string{authz.None: "None", authz.User: "User", authz.Org: "Org",
		authz.ServiceOwner: "ServiceOwner", authz.SystemUser: "SystemUser"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}
