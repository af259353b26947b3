// SPDX-License-Identifier: MIT

package loadtest

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

func TestBaselineInserts(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		b, err := StartBaseline(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Run(ctx, "baseline", Options{Clients: 2, Duration: 5 * time.Second, Count: 10}, b.Op(NewHTTPClient(2)))
		if err != nil || r.Requests != 10 || r.Errors != 0 {
			t.Fatalf("run: %v %+v", err, r)
		}
		var n int64
		if err := db.Gorm.Table(BaselineTable).Count(&n).Error; err != nil || n != 10 {
			t.Fatalf("rows = %d, %v", n, err)
		}
		if err := b.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if db.Gorm.Migrator().HasTable(BaselineTable) {
			t.Fatal("Close left the table")
		}
	})
}

// TestBaselineReads: ReadOp seeds one row per client and each read finds its
// row (a miss is 404, an error of the run); reads write nothing.
func TestBaselineReads(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		b, err := StartBaseline(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = b.Close(ctx) })
		hc := NewHTTPClient(3)
		op, err := b.ReadOp(ctx, hc, 3)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Run(ctx, "baseline-read", Options{Clients: 3, Duration: 5 * time.Second, Count: 12}, op)
		if err != nil || r.Requests != 12 || r.Errors != 0 {
			t.Fatalf("run: %v %+v", err, r)
		}
		var n int64
		if err := db.Gorm.Table(BaselineTable).Count(&n).Error; err != nil || n != 3 {
			t.Fatalf("rows = %d, %v; want the 3 seeded", n, err)
		}
		if err := Expect(ctx, hc, "GET", b.URL+"/no-such-row", nil, 404, nil); err != nil {
			t.Fatalf("a missing row: %v", err)
		}
	})
}
