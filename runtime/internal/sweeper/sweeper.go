// SPDX-License-Identifier: MIT

package sweeper

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/prometheus/client_golang/prometheus"
)

// ErrConfig reports Options that cannot work.
var ErrConfig = errors.New("sweeper: invalid options")

// firstSweepMax caps the wait before the first sweep, so that a long interval does
// not leave a crash's orphans in place until hours after the restart.
const firstSweepMax = time.Minute

// References tells whether a data-element row points at a blob key;
// *store.Store implements it.
type References interface {
	BlobKeyReferenced(ctx context.Context, key string) (bool, error)
}

// keyLister is implemented by stores that list keys, sizes and dates more cheaply
// than List (s3blob: no HEAD per object); the sweeper needs nothing more.
type keyLister interface {
	ListKeys(ctx context.Context, prefix string, fn func(blob.Info) error) error
}

// Options configure a Sweeper.
type Options struct {
	Blobs blob.Store
	Refs  References
	// Grace is how old a blob must be before it may be swept; it must exceed the
	// longest time between the end of a blob write and the commit of its row.
	Grace time.Duration
	// Interval is the time between sweeps in Run; zero makes Run return at once.
	Interval time.Duration
	Log      *slog.Logger
	// Metrics receives the sweeper's counters; nil keeps them unregistered.
	Metrics prometheus.Registerer
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// Sweeper deletes orphan blobs; see the package doc.
type Sweeper struct {
	o       Options
	removed prometheus.Counter
	bytes   prometheus.Counter
	runs    *prometheus.CounterVec
}

// Result counts what one sweep saw.
type Result struct {
	// Scanned is every object listed.
	Scanned int
	// Foreign objects are not data-element blobs (release bundles, others); never touched.
	Foreign int
	// Young objects are within the grace period.
	Young int
	// Referenced objects have a data-element row.
	Referenced int
	// Removed orphans, and their total size.
	Removed      int
	RemovedBytes int64
	// Failed deletes; the next sweep tries again.
	Failed int
}

// New checks o and returns a Sweeper. Registering the counters twice on one
// registry (two sweepers in one process) is an error.
func New(o Options) (*Sweeper, error) {
	switch {
	case o.Blobs == nil || o.Refs == nil:
		return nil, fmt.Errorf("%w: Blobs and Refs are required", ErrConfig)
	case o.Grace <= 0:
		return nil, fmt.Errorf("%w: grace period %s must be positive", ErrConfig, o.Grace)
	case o.Interval < 0:
		return nil, fmt.Errorf("%w: interval %s must not be negative", ErrConfig, o.Interval)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Sweeper{o: o,
		removed: prometheus.NewCounter(prometheus.CounterOpts{Name: "blankett_blob_sweeper_removed_total",
			Help: "Orphan blobs (no data-element row, older than the grace period) deleted by the sweeper."}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{Name: "blankett_blob_sweeper_removed_bytes_total",
			Help: "Bytes of orphan blobs deleted by the sweeper."}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "blankett_blob_sweeper_runs_total",
			Help: "Sweeps by result: ok, or error when listing or the database failed."}, []string{"result"}),
	}
	if o.Metrics != nil {
		for _, c := range []prometheus.Collector{s.removed, s.bytes, s.runs} {
			if err := o.Metrics.Register(c); err != nil {
				return nil, fmt.Errorf("sweeper: register metrics: %w", err)
			}
		}
	}
	return s, nil
}

// Sweep makes one pass over the blob store. It stops at the first listing or
// database error (returned with the counts so far); a failed delete is logged,
// counted and left for the next sweep.
func (s *Sweeper) Sweep(ctx context.Context) (Result, error) {
	var r Result
	cutoff := s.o.Now().Add(-s.o.Grace)
	list := s.o.Blobs.List
	if kl, ok := s.o.Blobs.(keyLister); ok {
		list = kl.ListKeys
	}
	err := list(ctx, "", func(info blob.Info) error {
		r.Scanned++
		switch {
		case !IsDataKey(info.Key):
			r.Foreign++
			return nil
		case !info.Modified.Before(cutoff):
			r.Young++
			return nil
		}
		// Asked per blob, just before the delete, rather than for a page at a
		// time: the window in which a row could appear stays as short as it can.
		ref, err := s.o.Refs.BlobKeyReferenced(ctx, info.Key)
		if err != nil {
			return err
		}
		if ref {
			r.Referenced++
			return nil
		}
		if err := s.o.Blobs.Delete(ctx, info.Key); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			r.Failed++
			s.o.Log.Warn("orphan blob not deleted; the next sweep tries again", "key", info.Key, "err", err)
			return nil
		}
		r.Removed++
		r.RemovedBytes += info.Size
		s.removed.Inc()
		s.bytes.Add(float64(info.Size))
		// One line per blob: deleting form data is worth an audit trail.
		s.o.Log.Info("orphan blob deleted", "key", info.Key, "size", info.Size, "modified", info.Modified.UTC())
		return nil
	})
	result := "ok"
	if err != nil {
		result = "error"
		err = fmt.Errorf("sweeper: %w", err)
	}
	s.runs.WithLabelValues(result).Inc()
	return r, err
}

// Run sweeps every Interval until ctx ends, the first time after at most a minute.
// Errors are logged; the next sweep starts over.
func (s *Sweeper) Run(ctx context.Context) {
	if s.o.Interval <= 0 {
		return
	}
	t := time.NewTimer(min(s.o.Interval, firstSweepMax))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		start := time.Now()
		r, err := s.Sweep(ctx)
		attrs := []any{"scanned", r.Scanned, "removed", r.Removed, "removed_bytes", r.RemovedBytes,
			"referenced", r.Referenced, "young", r.Young, "foreign", r.Foreign, "failed", r.Failed,
			"duration_ms", time.Since(start).Milliseconds()}
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			s.o.Log.Error("blob sweep failed", append(attrs, "err", err)...)
		case r.Removed > 0 || r.Failed > 0:
			s.o.Log.Info("blob sweep done", attrs...)
		default:
			s.o.Log.Debug("blob sweep done", attrs...)
		}
		t.Reset(s.o.Interval)
	}
}
