// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func ptr[T any](v T) *T { return &v }

func TestPartiesForUser(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		mustParty := func(p store.Party) store.Party {
			t.Helper()
			p, err := s.CreateParty(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		ola := mustParty(store.Party{Type: store.PartyPerson, SSN: ptr("01017012345"), Name: "Ola Nordmann"})
		kari := mustParty(store.Party{Type: store.PartyPerson, SSN: ptr("02027012345"), Name: "Kari Nordmann"})
		firm := mustParty(store.Party{Type: store.PartyOrganisation, OrgNumber: ptr("910000001"), Name: "Bakeriet AS"})
		other := mustParty(store.Party{Type: store.PartyOrganisation, OrgNumber: ptr("910000002"), Name: "Andre AS"})
		if _, err := s.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: ptr("910000001"), Name: "x"}); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate org number: %v", err)
		}
		u, err := s.CreateUser(ctx, store.User{Username: "ola", PartyID: ola.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []struct {
			party int64
			role  string
		}{{firm.ID, "DAGL"}, {firm.ID, "REGNA"}, {firm.ID, "DAGL"}, {kari.ID, "PRIV"}} {
			if err := s.GrantRole(ctx, u.ID, g.party, g.role); err != nil {
				t.Fatal(err)
			}
		}
		parties, err := s.PartiesFor(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, p := range parties {
			ids = append(ids, p.ID)
		}
		if want := []int64{ola.ID, kari.ID, firm.ID}; !slices.Equal(ids, want) || slices.Contains(ids, other.ID) {
			t.Fatalf("PartiesFor = %v, want %v", ids, want)
		}
		if roles, _ := s.RolesFor(ctx, u.ID, firm.ID); !slices.Equal(roles, []string{"DAGL", "REGNA"}) {
			t.Fatalf("RolesFor = %v", roles)
		}
		if err := s.RevokeRole(ctx, u.ID, kari.ID, "PRIV"); err != nil {
			t.Fatal(err)
		}
		if parties, _ := s.PartiesFor(ctx, u.ID); len(parties) != 2 {
			t.Fatalf("after revoke: %v", parties)
		}
		tests := []struct {
			name string
			get  func() (store.Party, error)
			want int64
		}{
			{"by id", func() (store.Party, error) { return s.GetParty(ctx, firm.ID) }, firm.ID},
			{"by ssn", func() (store.Party, error) { return s.PartyBySSN(ctx, "02027012345") }, kari.ID},
			{"by org number", func() (store.Party, error) { return s.PartyByOrgNumber(ctx, "910000002") }, other.ID},
			{"missing", func() (store.Party, error) { return s.PartyByOrgNumber(ctx, "999999999") }, 0},
		}
		for _, tt := range tests {
			p, err := tt.get()
			if tt.want == 0 && !errors.Is(err, store.ErrNotFound) || tt.want != 0 && (err != nil || p.ID != tt.want) {
				t.Errorf("%s: %+v, %v", tt.name, p, err)
			}
		}
		if got, err := s.UserByUsername(ctx, "ola"); err != nil || got.PartyID != ola.ID {
			t.Fatalf("UserByUsername = %+v, %v", got, err)
		}
		if _, err := s.CreateUser(ctx, store.User{Username: "ola", PartyID: kari.ID}); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate username: %v", err)
		}
	})
}

func TestMachineClients(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		c := store.MachineClient{ClientID: "ttd-sync", Org: "ttd", OrgNumber: "991825827", Name: "TTD sync",
			JWKS: `{"keys":[]}`, Scopes: "altinn:serviceowner/instances.read altinn:serviceowner/instances.write"}
		if _, err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateClient(ctx, c); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate client: %v", err)
		}
		got, err := s.GetClient(ctx, "ttd-sync")
		if err != nil || !got.AllowsScope("altinn:serviceowner/instances.read") || got.AllowsScope("altinn:instances.read") {
			t.Fatalf("GetClient = %+v, %v", got, err)
		}
		got.Disabled, got.JWKS = true, `{"keys":[{"kty":"OKP"}]}`
		if err := s.UpdateClient(ctx, got); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.GetClient(ctx, "ttd-sync"); !again.Disabled || again.JWKS != got.JWKS {
			t.Fatalf("after update: %+v", again)
		}
		if err := s.UpdateClient(ctx, store.MachineClient{ClientID: "nope"}); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("update missing: %v", err)
		}
		if _, err := s.GetClient(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("get missing: %v", err)
		}
	})
}
