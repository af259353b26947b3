// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"gorm.io/gorm"
)

// TestPendingSQLUsesIndex: HasPending's own query finds an instance's pending
// job through ix_outbox_pending_ref, not by scanning every pending message, on
// both engines (PostgreSQL with sequential scans off, as its table is tiny here).
func TestPendingSQLUsesIndex(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		if _, err := db.Migrate(context.Background(), dbx.MigrationSet{Name: "runtime", Migrations: Migrations()}, nil); err != nil {
			t.Fatal(err)
		}
		var plan []string
		err := db.Gorm.Transaction(func(tx *gorm.DB) error {
			if db.Dialect == dbx.Postgres {
				if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
					return err
				}
				return tx.Raw("EXPLAIN "+pendingSQL, []string{"pdf"}, "inst-1").Scan(&plan).Error
			}
			var rows []struct{ Detail string }
			err := tx.Raw("EXPLAIN QUERY PLAN "+pendingSQL, []string{"pdf"}, "inst-1").Scan(&rows).Error
			for _, r := range rows {
				plan = append(plan, r.Detail)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(plan, "\n"), "ix_outbox_pending_ref") {
			t.Errorf("HasPending's plan does not use ix_outbox_pending_ref:\n%s", strings.Join(plan, "\n"))
		}
	})
}
