// SPDX-License-Identifier: MIT

package dbx

import (
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"gorm.io/gorm"
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
	got := gather(t, reg)
	batch, queue := histogram(t, got, MetricWriteBatch), histogram(t, got, MetricWriteQueue)
	if batch.GetSampleCount() != 2 || batch.GetSampleSum() != 5 {
		t.Errorf("batches: %d with %v transactions, want 2 with 5", batch.GetSampleCount(), batch.GetSampleSum())
	}
	if queue.GetSampleCount() != 5 || queue.GetSampleSum() < 4*held.Seconds() {
		t.Errorf("queue: %d waits of %vs in all, want 5 of at least %vs", queue.GetSampleCount(), queue.GetSampleSum(), 4*held.Seconds())
	}
	pool, ok := got["go_sql_open_connections"]
	if !ok || len(pool.GetMetric()) != 1 || pool.GetMetric()[0].GetLabel()[0].GetValue() != "blankett" {
		t.Errorf("pool statistics missing or unlabelled: %v", pool)
	}
	if err := db.RegisterMetrics(prometheus.NewRegistry()); err != nil {
		t.Errorf("a fresh registry refused the collectors: %v", err)
	}
	if err := db.RegisterMetrics(reg); err == nil {
		t.Error("registering twice on one registry succeeded")
	}
}

// gather returns reg's metric families by name.
func gather(t *testing.T, reg *prometheus.Registry) map[string]*dto.MetricFamily {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*dto.MetricFamily{}
	for _, mf := range mfs {
		out[mf.GetName()] = mf
	}
	return out
}

// histogram returns the one histogram of the family name.
func histogram(t *testing.T, got map[string]*dto.MetricFamily, name string) *dto.Histogram {
	t.Helper()
	mf, ok := got[name]
	if !ok || len(mf.GetMetric()) != 1 {
		t.Fatalf("%s: %v, want one histogram", name, mf)
	}
	return mf.GetMetric()[0].GetHistogram()
}
