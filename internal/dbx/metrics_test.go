// SPDX-License-Identifier: MIT

package dbx

import (
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"

	"github.com/blankett/blankett/internal/testenv/promtest"
)

// TestWriterMetrics holds the writer for 30 ms while four transactions queue,
// then checks the histograms: two batches (the holder alone, then the four
// together), five transactions, the four each waiting at least the hold; and
// the pool's statistics under db_name "blankett".
func TestWriterMetrics(t *testing.T) {
	db, b := batchDB(t)
	reg := prometheus.NewRegistry()
	if err := db.RegisterMetrics(reg); err != nil {
		t.Fatal(err)
	}
	release := hold(t, b)
	errs := make(chan error, 4)
	for i := range 4 {
		go func() {
			errs <- b.Do(t.Context(), func(tx *gorm.DB) error {
				return tx.Exec("INSERT INTO t (v) VALUES (?)", fmt.Sprint(i)).Error
			})
		}()
	}
	waitQueued(t, b, 4)
	const held = 30 * time.Millisecond
	time.Sleep(held)
	release()
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got := promtest.Series(t, reg)
	if got[MetricWriteBatch] != 2 || got[MetricWriteBatch+"_sum"] != 5 {
		t.Errorf("batches: %v with %v transactions, want 2 with 5", got[MetricWriteBatch], got[MetricWriteBatch+"_sum"])
	}
	if got[MetricWriteQueue] != 5 || got[MetricWriteQueue+"_sum"] < 4*held.Seconds() {
		t.Errorf("queue: %v waits of %vs in all, want 5 of at least %vs", got[MetricWriteQueue], got[MetricWriteQueue+"_sum"], 4*held.Seconds())
	}
	if _, ok := got[`go_sql_open_connections{db_name="blankett"}`]; !ok {
		t.Errorf("pool statistics missing or unlabelled: %v", got)
	}
	if err := db.RegisterMetrics(prometheus.NewRegistry()); err != nil {
		t.Errorf("a fresh registry refused the collectors: %v", err)
	}
	if err := db.RegisterMetrics(reg); err == nil {
		t.Error("registering twice on one registry succeeded")
	}
}
