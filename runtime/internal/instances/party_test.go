// SPDX-License-Identifier: MIT

package instances_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
	"gorm.io/gorm"
)

// TestPartyReadOnce: what never changes about a party (its type and its
// alternative subject for events) is read from the store once per service,
// not on every instantiation.
func TestPartyReadOnce(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instances.SetupSigningTest(t, db, "310000011", nil)
		var reads atomic.Int64
		if err := db.Gorm.Callback().Query().After("gorm:query").Register("test:count_parties", func(g *gorm.DB) {
			if g.Statement.Table == "parties" {
				reads.Add(1)
			}
		}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Gorm.Callback().Query().Remove("test:count_parties") })
		svc := instances.New(instances.Options{Store: store.New(db), Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		for range 3 {
			if _, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID}); err != nil {
				t.Fatal(err)
			}
		}
		if n := reads.Load(); n != 1 {
			t.Fatalf("the party was read %d times in three instantiations, want once", n)
		}
	})
}

// TestInstanceOwnerNumbers: a new instance's instanceOwner carries the party's
// organisation number or national identity number beside its party id, as
// Altinn's does, so a service owner can tell who submitted.
func TestInstanceOwnerNumbers(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, org := instancetest.Setup(t, db, testcorpus.Path(t, "apps", "expression-validation-test"), "310000012", nil)
		ssn := "02056600291"
		person, err := store.New(db).CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &ssn, Name: "Ola Nordmann"})
		if err != nil {
			t.Fatal(err)
		}
		svc := instances.New(instances.Options{Store: store.New(db), Blobs: blobs, Apps: host})
		for _, tc := range []struct {
			name  string
			party store.Party
			want  instances.InstanceOwner
		}{
			{"organisation", org, instances.InstanceOwner{PartyID: fmt.Sprint(org.ID), OrganisationNumber: "310000012"}},
			{"person", person, instances.InstanceOwner{PartyID: fmt.Sprint(person.ID), PersonNumber: ssn}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: tc.party.ID, AuthLevel: 3}
				snap, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "expression-validation-test", PartyID: tc.party.ID})
				if err != nil {
					t.Fatal(err)
				}
				if got := snap.Instance.InstanceOwner; got != tc.want {
					t.Fatalf("instanceOwner = %+v, want %+v", got, tc.want)
				}
			})
		}
	})
}
