// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
)

// TestLastChangedMovesOn: every save moves lastChanged on, also when this
// runtime's clock is behind the stored value (another replica's clock ran
// ahead) or two saves fall in one microsecond, so the ETag, If-Match and
// lastChanged=gt: polling all see the change.
func TestLastChangedMovesOn(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000003")
		frozen := time.Now().UTC().Truncate(time.Microsecond)
		svc.now = func() time.Time { return frozen } // every save in the same microsecond
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID})
		if err != nil {
			t.Fatal(err)
		}
		ahead := frozen.Add(2 * time.Second) // written by a replica whose clock is ahead
		if err := db.Gorm.Exec("UPDATE instances SET last_changed = ? WHERE guid = ?", ahead, snap.row.GUID).Error; err != nil {
			t.Fatal(err)
		}
		owner := authz.Caller{Kind: authz.ServiceOwner, Org: "ttd", AuthLevel: 3}
		prev := ahead
		for i := range 3 {
			cur, err := svc.Get(ctx, Ref{Org: "ttd", App: "signing-test", PartyID: c.PartyID, GUID: snap.row.GUID})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.SetSubstatus(ctx, owner, cur, Substatus{Label: "step"}); err != nil {
				t.Fatal(err)
			}
			row, err := st.GetInstance(ctx, c.PartyID, snap.row.GUID)
			if err != nil {
				t.Fatal(err)
			}
			if !row.LastChanged.After(prev) {
				t.Fatalf("save %d: lastChanged %v, not after the %v before it", i, row.LastChanged, prev)
			}
			prev = row.LastChanged
		}
	})
}
