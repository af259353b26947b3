// SPDX-License-Identifier: MIT

package dbx_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/promtest"
)

// TestRegisterMetricsEngines: both engines export the pool's statistics; only
// SQLite, which has the one writer, exports the writer's queue and batches, and
// only PostgreSQL the wait at its gate.
func TestRegisterMetricsEngines(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		reg := prometheus.NewRegistry()
		if err := db.RegisterMetrics(reg); err != nil {
			t.Fatal(err)
		}
		got := promtest.Series(t, reg)
		writer := db.Dialect == dbx.SQLite
		for name, want := range map[string]bool{`go_sql_open_connections{db_name="blankett"}`: true, dbx.MetricWriteQueue: writer, dbx.MetricWriteBatch: writer,
			dbx.MetricActiveWait: !writer} {
			if _, ok := got[name]; ok != want {
				t.Errorf("%s exported: %v, want %v (all: %v)", name, ok, want, got)
			}
		}
	})
}
