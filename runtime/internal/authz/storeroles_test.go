// SPDX-License-Identifier: MIT

package authz_test

import (
	"context"
	"slices"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestStoreRoles(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "authztest", Migrations: store.Migrations()}, nil); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		s := store.New(db)
		party := func(p store.Party) int64 {
			t.Helper()
			p, err := s.CreateParty(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		str := func(v string) *string { return &v }
		ola := party(store.Party{Type: store.PartyPerson, SSN: str("01017012345"), Name: "Ola Nordmann"})
		kari := party(store.Party{Type: store.PartyPerson, SSN: str("02027012345"), Name: "Kari Nordmann"})
		firm := party(store.Party{Type: store.PartyOrganisation, OrgNumber: str("910000001"), Name: "Bakeriet AS"})
		u, err := s.CreateUser(ctx, store.User{Username: "ola", PartyID: ola})
		if err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{"REGNA", "DAGL"} {
			if err := s.GrantRole(ctx, u.ID, firm, role); err != nil {
				t.Fatal(err)
			}
		}
		r := authz.StoreRoles{Store: s}
		for _, tc := range []struct {
			name          string
			user, partyID int64
			want          []string
		}{
			{"own person party is PRIV", u.ID, ola, []string{"PRIV"}},
			{"granted roles for the firm", u.ID, firm, []string{"DAGL", "REGNA"}},
			{"no roles for another person", u.ID, kari, nil},
			{"unknown user", u.ID + 100, ola, nil},
		} {
			got, err := r.Roles(ctx, tc.user, tc.partyID)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: Roles = %v, want %v", tc.name, got, tc.want)
			}
		}
		// End to end: the store's roles decide with a corpus policy.
		a := authz.New(r)
		p := corpusPolicy(t, signing)
		d, err := a.Authorize(ctx, authz.FromSession(u.ID, firm, 2), authz.Target{Org: "ttd", App: signing,
			InstanceOwnerPartyID: firm, Task: "Task_1", Action: "write"}, p)
		if err != nil || !d.Allowed {
			t.Fatalf("DAGL write via store: %+v, %v", d, err)
		}
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := r.Roles(cancelled, u.ID, firm); err == nil {
			t.Error("cancelled context: want an error")
		}
	})
}
