// SPDX-License-Identifier: MIT

package dbx

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/blankett/blankett/internal/obs"
)

// Metric names of the SQLite writer (Batcher).
const (
	MetricWriteQueue = "blankett_db_write_queue_seconds"
	MetricWriteBatch = "blankett_db_write_batch_transactions"
)

// writerMetrics are the Batcher's instruments: how long a write transaction
// waited before its batch began, and how many transactions each commit carried.
type writerMetrics struct {
	queue prometheus.Histogram
	batch prometheus.Histogram
}

func newWriterMetrics() writerMetrics {
	return writerMetrics{
		queue: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    MetricWriteQueue,
			Help:    "Time a SQLite write transaction waited for the single writer before its batch began.",
			Buckets: obs.StorageBuckets,
		}),
		batch: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    MetricWriteBatch,
			Help:    "Write transactions committed together in one SQLite commit (group commit).",
			Buckets: []float64{1, 2, 4, 8, 16, 32, maxBatch},
		}),
	}
}

// observe records a batch about to run: its size, and each transaction's wait
// since it was queued.
func (m writerMetrics) observe(batch []*batchReq, now time.Time) {
	m.batch.Observe(float64(len(batch)))
	for _, r := range batch {
		m.queue.Observe(now.Sub(r.queued).Seconds())
	}
}

// RegisterMetrics registers the database's collectors on reg: the connection
// pool's statistics (go_sql_*, db_name "blankett") on either engine; on SQLite
// the writer's queue time and batch size, and on PostgreSQL the wait at its Gate.
// A queue time that grows with load while the batches stay full means the one
// writer is what limits writes; a gate wait that grows with load means the
// process keeps PostgreSQL as busy as --database-max-active lets it.
func (db *DB) RegisterMetrics(reg prometheus.Registerer) error {
	cs := []prometheus.Collector{collectors.NewDBStatsCollector(db.sql, "blankett")}
	if db.batch != nil {
		cs = append(cs, db.batch.metrics.queue, db.batch.metrics.batch)
	}
	if db.gate != nil {
		cs = append(cs, db.gate.wait)
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("dbx: register metrics: %w", err)
		}
	}
	return nil
}
