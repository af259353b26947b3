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
