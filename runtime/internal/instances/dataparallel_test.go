// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestParallelUploads: attachments uploaded to one instance at once (as a
// browser uploads several files) are all stored, though each request read the
// instance before any of them saved it, up to the type's maxCount, which still
// holds.
func TestParallelUploads(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instancetest.Setup(t, db, testcorpus.Path(t, "apps", "expression-validation-test"), "310000007", nil)
		svc := New(Options{Store: store.New(db), Blobs: blobs, Apps: host, PublicURL: "https://rt.example"})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		for _, tc := range []struct {
			name     string
			uploads  int
			wantMade int // Vedlegg allows 10
		}{
			{"eight at once", 8, 8},
			{"more than maxCount", 13, 10},
		} {
			t.Run(tc.name, func(t *testing.T) {
				snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "expression-validation-test", PartyID: party.ID})
				if err != nil {
					t.Fatal(err)
				}
				ref := Ref{Org: "ttd", App: "expression-validation-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
				// Each request reads the instance before any of them writes.
				snaps := make([]*Snapshot, tc.uploads)
				for i := range snaps {
					if snaps[i], err = svc.Get(ctx, ref); err != nil {
						t.Fatal(err)
					}
				}
				errs := make([]error, tc.uploads)
				var wg sync.WaitGroup
				for i := range tc.uploads {
					wg.Go(func() {
						body := fmt.Sprintf("%%PDF-1.4\n%% upload %d\n%%%%EOF\n", i)
						_, errs[i] = svc.CreateData(ctx, c, snaps[i], "Vedlegg", Upload{ContentType: "application/pdf",
							Filename: fmt.Sprintf("vedlegg%d.pdf", i), Length: int64(len(body)), Body: strings.NewReader(body)})
					})
				}
				wg.Wait()
				made := 0
				for i, err := range errs {
					var e *Error
					switch {
					case err == nil:
						made++
					case errors.As(err, &e) && e.Code == CodeTooMany && tc.uploads > tc.wantMade:
					default:
						t.Errorf("upload %d: %v", i, err)
					}
				}
				after, err := svc.Get(ctx, ref)
				if err != nil {
					t.Fatal(err)
				}
				stored := 0
				for _, e := range after.elements {
					if e.DataType == "Vedlegg" {
						stored++
					}
				}
				if made != tc.wantMade || stored != tc.wantMade {
					t.Fatalf("%d uploads succeeded and %d are stored, want %d", made, stored, tc.wantMade)
				}
			})
		}
	})
}
