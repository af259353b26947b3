// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// webhookMessage is the payload of a TopicWebhook message.
type webhookMessage struct {
	SubscriptionID int64 `json:"subscriptionId"`
	EventID        int64 `json:"eventId"`
}

// fanOut claims up to a batch of event messages and, in one transaction, queues a
// webhook delivery per matching subscription and completes them all in one update.
// It returns how many it claimed. The subscriptions are read once per batch: there
// are few, and with none at all a batch costs one claim, that read and one update.
func (w *Worker) fanOut(ctx context.Context) int {
	msgs, err := w.st.Claim(ctx, w.batch, w.id, w.lease, TopicEvent)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Error("events: claim events", "err", err)
		}
		return 0
	}
	if len(msgs) == 0 {
		return 0
	}
	w.fanOutClaimed(ctx, msgs)
	return len(msgs)
}

// fanOutClaimed fans out msgs, which the worker has claimed: in one transaction, and
// when that fails (one lost lease fails the batch) one by one.
func (w *Worker) fanOutClaimed(ctx context.Context, msgs []store.OutboxMessage) {
	subs, err := w.st.ActiveSubscriptions(ctx)
	if err != nil {
		w.log.Error("events: read subscriptions", "err", err)
		return // the leases run out and the batch comes back
	}
	ids := eventIDsOf(msgs)
	var evs map[int64]store.CloudEvent
	if len(subs) > 0 {
		if evs, err = w.eventsOf(ctx, ids); err != nil {
			w.log.Error("events: read events", "err", err)
			return
		}
	}
	err = w.st.Tx(ctx, func(tx *store.Store) error {
		return w.fanOutTx(ctx, tx, msgs, ids, subs, evs)
	})
	if err == nil {
		return
	}
	// One lost lease (a slow batch) fails the batch; do the rest one by one.
	for i, m := range msgs {
		err := w.st.Tx(ctx, func(tx *store.Store) error {
			return w.fanOutTx(ctx, tx, msgs[i:i+1], ids[i:i+1], subs, evs)
		})
		if err != nil && ctx.Err() == nil {
			w.log.Warn("events: fan-out of one event failed; it is retried when its lease runs out", "message", m.ID, "err", err)
		}
	}
}

// fanOutTx queues in tx the webhook deliveries of msgs, whose event row ids are ids
// (one list per message), and completes msgs.
func (w *Worker) fanOutTx(ctx context.Context, tx *store.Store, msgs []store.OutboxMessage, ids [][]int64, subs []store.Subscription, evs map[int64]store.CloudEvent) error {
	done := make([]int64, len(msgs))
	for i, m := range msgs {
		done[i] = m.ID
		for _, id := range ids[i] {
			ev, ok := evs[id]
			if !ok {
				continue
			}
			for _, sub := range subs {
				if !Matches(sub, ev) {
					continue
				}
				payload, _ := json.Marshal(webhookMessage{SubscriptionID: sub.ID, EventID: ev.ID})
				// Naming the event keeps it from retention until the delivery is done.
				if _, err := tx.EnqueueAbout(ctx, TopicWebhook, strconv.FormatInt(sub.ID, 10), ev.ID, payload, time.Time{}); err != nil {
					return err
				}
			}
		}
	}
	return tx.CompleteAll(ctx, done, w.id)
}

// eventIDsOf reads the event row ids each of msgs names, in the order of msgs. A
// payload that does not read names no event.
func eventIDsOf(msgs []store.OutboxMessage) [][]int64 {
	out := make([][]int64, len(msgs))
	for i, m := range msgs {
		var p store.EventMessage
		if json.Unmarshal([]byte(m.Payload), &p) == nil {
			out[i] = p.EventIDs
		}
	}
	return out
}

// eventsOf reads the events ids name (one list per message), by row id.
func (w *Worker) eventsOf(ctx context.Context, ids [][]int64) (map[int64]store.CloudEvent, error) {
	list, err := w.st.CloudEventsByID(ctx, slices.Concat(ids...))
	out := make(map[int64]store.CloudEvent, len(list))
	for _, e := range list {
		out[e.ID] = e
	}
	return out, err
}

// WebhookEventID returns the event row id a webhook message delivers.
func WebhookEventID(m store.OutboxMessage) (int64, bool) {
	var p webhookMessage
	if m.Topic != TopicWebhook || json.Unmarshal([]byte(m.Payload), &p) != nil {
		return 0, false
	}
	return p.EventID, true
}
