// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"gorm.io/gorm"
)

// TestHasPendingUsesRefIndex: HasPending finds an instance's pending job
// through ix_outbox_pending_ref, not by scanning every pending message, and
// still answers right among many pending messages of other refs and topics.
func TestHasPendingUsesRefIndex(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		st := newStore(t, db)
		for i := range 200 {
			if _, err := st.EnqueueRef(ctx, "webhook", fmt.Sprint(i), []byte(`{}`), time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.EnqueueRef(ctx, "pdf", "inst-1", []byte(`{}`), time.Time{}); err != nil {
			t.Fatal(err)
		}
		for ref, want := range map[string]bool{"inst-1": true, "inst-2": false, "7": false} {
			if got, err := st.HasPending(ctx, ref, "pdf"); err != nil || got != want {
				t.Errorf("HasPending(%s) = %v, %v; want %v", ref, got, err, want)
			}
		}
		q := `SELECT 1 FROM outbox WHERE done_at IS NULL AND dead = false AND topic IN ('pdf') AND ref = 'inst-1' LIMIT 1`
		var plan []string
		err := db.Gorm.Transaction(func(tx *gorm.DB) error {
			if db.Dialect == dbx.Postgres {
				if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
					return err
				}
				return tx.Raw("EXPLAIN " + q).Scan(&plan).Error
			}
			var rows []struct{ Detail string }
			err := tx.Raw("EXPLAIN QUERY PLAN " + q).Scan(&rows).Error
			for _, r := range rows {
				plan = append(plan, r.Detail)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(plan, "\n"), "ix_outbox_pending_ref") {
			t.Errorf("plan does not use ix_outbox_pending_ref:\n%s", strings.Join(plan, "\n"))
		}
	})
}
