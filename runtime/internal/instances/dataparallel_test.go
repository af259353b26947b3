// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestParallelUploads: attachments uploaded to one instance at once (as a
// browser uploads several files) are all stored, though each request read the
// instance before any of them saved it, up to the type's maxCount, which still
// holds.
func TestParallelUploads(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		a := setupFilesApp(t, db)
		svc, c := a.svc, a.c
		for _, tc := range []struct {
			name     string
			uploads  int
			wantMade int // Vedlegg allows 10
		}{
			{"eight at once", 8, 8},
			{"more than maxCount", 13, 10},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, ref := a.newInstance(t)
				var err error
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
