// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"math"
	"time"
)

// The Prune methods each delete one batch of at most limit rows in one statement,
// so that a large backlog never holds SQLite's single writer for long; callers
// repeat them until a batch comes back short. On PostgreSQL a batch skips rows
// another replica's batch has locked, so replicas pruning at once share the work
// instead of queueing behind each other; deleting is idempotent either way.

// PruneCloudEvents deletes up to limit events older than before that no message
// still needs: none of the outbox messages that are not done (pending, leased or
// dead) names it as its EventID, and no fan-out message (topic fanOut) that is not
// done names it or an earlier event, since a fan-out names its lowest event only.
// It returns how many it deleted.
func (s *Store) PruneCloudEvents(ctx context.Context, before time.Time, limit int, fanOut string) (int64, error) {
	q := `DELETE FROM events WHERE id IN (SELECT e.id FROM events e
  WHERE e.time < ?
    AND e.id < COALESCE((SELECT MIN(f.event_id) FROM outbox f WHERE f.topic = ? AND f.done_at IS NULL), ?)
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = e.id AND o.done_at IS NULL)
  ORDER BY e.time, e.id LIMIT ?` + s.skipLocked() + `)`
	res := s.db(ctx).Exec(q, ts(before), fanOut, int64(math.MaxInt64), limit)
	return res.RowsAffected, wrap("prune events", res.Error)
}

// PruneDoneMessages deletes up to limit messages of topics that were done before
// before, and returns how many it deleted.
func (s *Store) PruneDoneMessages(ctx context.Context, before time.Time, limit int, topics ...string) (int64, error) {
	q := `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
  WHERE done_at IS NOT NULL AND done_at < ? AND topic IN ? LIMIT ?` + s.skipLocked() + `)`
	res := s.db(ctx).Exec(q, ts(before), topics, limit)
	return res.RowsAffected, wrap("prune done outbox messages", res.Error)
}

// PruneDeadMessages deletes up to limit dead messages of topics that died (failed
// for the last time) before diedBefore, and returns how many it deleted. A dead
// letter from before failures were timed counts from its creation.
func (s *Store) PruneDeadMessages(ctx context.Context, diedBefore time.Time, limit int, topics ...string) (int64, error) {
	q := `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
  WHERE dead = ? AND done_at IS NULL AND topic IN ? AND COALESCE(failed_at, created) < ? LIMIT ?` + s.skipLocked() + `)`
	res := s.db(ctx).Exec(q, true, topics, ts(diedBefore), limit)
	return res.RowsAffected, wrap("prune dead outbox messages", res.Error)
}
