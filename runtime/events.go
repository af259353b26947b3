// SPDX-License-Identifier: MIT

package runtime

import (
	"log/slog"

	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// eventsWorker builds the event delivery worker from the configuration; it is
// built before it runs so that the instance service and the API can nudge it.
func (r *Role) eventsWorker(deps platform.Deps, st *store.Store) *events.Worker {
	retry := events.DefaultRetry
	if r.cfg.EventsMaxAttempts > 0 {
		retry.MaxAttempts = r.cfg.EventsMaxAttempts
	}
	if r.cfg.EventsRetryBase > 0 {
		retry.Base = r.cfg.EventsRetryBase
	}
	return events.NewWorker(events.Options{Store: st, PublicURL: deps.PublicURL, Timeout: r.cfg.EventsWebhookTimeout, Retry: retry,
		Retention: r.cfg.EventsRetention, PruneTopics: []string{instances.TopicPDF}, Log: deps.Log.With(slog.String("role", "runtime"), slog.String("worker", "events"))})
}

// startEvents runs the worker until shutdown, unless the platform runs no workers
// (Deps built by hand in tests): then events are still recorded and pulled, and
// delivered once a runtime with workers starts on the same database.
func (r *Role) startEvents(deps platform.Deps, w *events.Worker) {
	if deps.Go == nil {
		deps.Log.Info("event delivery worker off: no platform workers", "role", "runtime")
		return
	}
	deps.Go(w.Run)
}
