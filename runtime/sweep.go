// SPDX-License-Identifier: MIT

package runtime

import (
	"log/slog"

	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/sweeper"
)

// startSweeper runs the orphan-blob sweeper as a platform worker, unless
// --blob-sweep-interval is 0 or the platform runs no workers (Deps built by hand
// in tests).
func (r *Role) startSweeper(deps platform.Deps, st *store.Store) error {
	log := deps.Log.With(slog.String("role", "runtime"), slog.String("worker", "blob-sweeper"))
	if r.cfg.BlobSweepInterval == 0 || deps.Go == nil {
		log.Info("orphan-blob sweeper off")
		return nil
	}
	sw, err := sweeper.New(sweeper.Options{Blobs: deps.Blob, Refs: st, Grace: r.cfg.BlobSweepGrace,
		Interval: r.cfg.BlobSweepInterval, Log: log, Metrics: deps.Metrics})
	if err != nil {
		return err
	}
	deps.Go(sw.Run)
	return nil
}
