// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/blankett/blankett/studio/internal/store"
)

func TestOrgsAndTeams(t *testing.T) {
	run(t, func(t *testing.T, s *store.Store, _ *clock) {
		ctx := context.Background()
		ola, kari := mustUser(t, s, "ola"), mustUser(t, s, "kari")
		teams := []string{"Owners", "Devs", "Deploy-test"}
		ttd := store.Org{Name: "ttd", FullName: "Testdepartementet"}
		if err := s.CreateOrg(ctx, &ttd, teams, ola.ID); err != nil {
			t.Fatal(err)
		}
		// A taken name rolls the whole creation back: no second set of teams.
		wantErr(t, s.CreateOrg(ctx, &store.Org{Name: "ttd"}, teams, kari.ID), store.ErrDuplicate)
		ts, err := s.Teams(ctx, ttd.ID)
		if err != nil || len(ts) != 3 {
			t.Fatalf("Teams = %+v, %v", ts, err)
		}
		if names, _ := s.TeamNamesOf(ctx, ttd.ID, ola.ID); !slices.Equal(names, []string{"Owners"}) {
			t.Fatalf("creator's teams = %v", names)
		}
		devs, err := s.TeamByName(ctx, ttd.ID, "Devs")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(ctx, devs.ID, kari.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.AddMember(ctx, devs.ID, kari.ID), store.ErrDuplicate)
		if ms, _ := s.Members(ctx, devs.ID); len(ms) != 1 || ms[0].Username != "kari" || ms[0].Since.IsZero() {
			t.Fatalf("Members = %+v", ms)
		}
		if n, err := s.CountMembers(ctx, devs.ID); err != nil || n != 1 {
			t.Fatalf("CountMembers = %d, %v", n, err)
		}
		other := store.Org{Name: "skd"}
		if err := s.CreateOrg(ctx, &other, teams, 0); err != nil {
			t.Fatal(err)
		}
		if os, _ := s.OrgsOf(ctx, kari.ID); len(os) != 1 || os[0].Name != "ttd" {
			t.Fatalf("OrgsOf(kari) = %+v", os)
		}
		if os, _ := s.ListOrgs(ctx); len(os) != 2 {
			t.Fatalf("ListOrgs = %+v", os)
		}
		if err := s.RemoveMember(ctx, devs.ID, kari.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.RemoveMember(ctx, devs.ID, kari.ID), store.ErrNotFound)
		if os, _ := s.OrgsOf(ctx, kari.ID); len(os) != 0 {
			t.Fatalf("OrgsOf after removal = %+v", os)
		}
	})
}
