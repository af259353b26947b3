// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"encoding/json"
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
// webhook delivery per matching subscription and completes them. It returns how
// many it claimed. The subscriptions are read once per batch: there are few, and
// with none at all a batch costs one claim and one update.
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
	subs, err := w.st.ActiveSubscriptions(ctx)
	if err != nil {
		w.log.Error("events: read subscriptions", "err", err)
		return len(msgs) // the leases run out and the batch comes back
	}
	var evs map[int64]store.CloudEvent
	if len(subs) > 0 {
		if evs, err = w.eventsOf(ctx, msgs); err != nil {
			w.log.Error("events: read events", "err", err)
			return len(msgs)
		}
	}
	err = w.st.Tx(ctx, func(tx *store.Store) error {
		return w.fanOutTx(ctx, tx, msgs, subs, evs)
	})
	if err == nil {
		return len(msgs)
	}
	// One lost lease (a slow batch) fails the batch; do the rest one by one.
	for _, m := range msgs {
		err := w.st.Tx(ctx, func(tx *store.Store) error {
			return w.fanOutTx(ctx, tx, []store.OutboxMessage{m}, subs, evs)
		})
		if err != nil && ctx.Err() == nil {
			w.log.Warn("events: fan-out of one event failed; it is retried when its lease runs out", "message", m.ID, "err", err)
		}
	}
	return len(msgs)
}

func (w *Worker) fanOutTx(ctx context.Context, tx *store.Store, msgs []store.OutboxMessage, subs []store.Subscription, evs map[int64]store.CloudEvent) error {
	for _, m := range msgs {
		var p eventMessage
		_ = json.Unmarshal([]byte(m.Payload), &p) // a payload that does not read names no event
		for _, id := range p.ids() {
			ev, ok := evs[id]
			if !ok {
				continue
			}
			for _, sub := range subs {
				if !Matches(sub, ev) {
					continue
				}
				payload, _ := json.Marshal(webhookMessage{SubscriptionID: sub.ID, EventID: ev.ID})
				if _, err := tx.EnqueueRef(ctx, TopicWebhook, strconv.FormatInt(sub.ID, 10), payload, time.Time{}); err != nil {
					return err
				}
			}
		}
		if err := tx.Complete(ctx, m.ID, w.id); err != nil {
			return err
		}
	}
	return nil
}

// eventsOf reads the events msgs name, by row id.
func (w *Worker) eventsOf(ctx context.Context, msgs []store.OutboxMessage) (map[int64]store.CloudEvent, error) {
	ids := make([]int64, 0, len(msgs))
	for _, m := range msgs {
		var p eventMessage
		if json.Unmarshal([]byte(m.Payload), &p) == nil {
			ids = append(ids, p.ids()...)
		}
	}
	list, err := w.st.CloudEventsByID(ctx, ids)
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
