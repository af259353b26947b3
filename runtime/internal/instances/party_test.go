// SPDX-License-Identifier: MIT

package instances_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
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
