// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// ClaimEvents claims up to n event messages as w would, for lease.
func (w *Worker) ClaimEvents(ctx context.Context, n int, lease time.Duration) ([]store.OutboxMessage, error) {
	return w.st.Claim(ctx, n, w.id, lease, TopicEvent)
}

// FanOutClaimed fans out msgs, which w has claimed.
func (w *Worker) FanOutClaimed(ctx context.Context, msgs []store.OutboxMessage) {
	w.fanOutClaimed(ctx, msgs)
}
