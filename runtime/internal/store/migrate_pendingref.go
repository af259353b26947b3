// SPDX-License-Identifier: MIT

package store

import (
	"context"

	"gorm.io/gorm"
)

// migratePendingRef indexes the pending outbox by what a message is about, for
// HasPending: the receipt page and every first complete confirmation ask
// whether an instance's PDF job is pending, and without it each asked by
// scanning all pending messages, which a webhook backlog makes many.
func migratePendingRef(_ context.Context, tx *gorm.DB) error {
	return execAll(tx, "CREATE INDEX ix_outbox_pending_ref ON outbox (ref, topic) WHERE done_at IS NULL AND dead = false")
}
