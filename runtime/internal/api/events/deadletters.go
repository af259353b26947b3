// SPDX-License-Identifier: MIT

package events

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// maxDeadLetters bounds the dead-letter list: the newest are shown.
const maxDeadLetters = 500

// DeadLetter is a delivery to a subscription that was given up after its last
// attempt.
type DeadLetter struct {
	// ID is the delivery's id, for retry.
	ID int64 `json:"id"`
	// EventID is the CloudEvent's id ("" for the validation handshake).
	EventID   string     `json:"eventId,omitempty"`
	Kind      string     `json:"kind"` // webhook or validate
	Attempts  int        `json:"attempts"`
	LastError string     `json:"lastError"`
	Created   time.Time  `json:"created"`
	FailedAt  *time.Time `json:"failedAt,omitempty"`
}

// deadLetters is GET /subscriptions/{id}/deadletters: the newest dead deliveries,
// validation handshakes included.
func (a *api) deadLetters(c *gin.Context) {
	sub, ok := a.own(c)
	if !ok {
		return
	}
	ctx, ref := c.Request.Context(), strconv.FormatInt(sub.ID, 10)
	msgs, err := a.st.DeadMessagesOf(ctx, ref, maxDeadLetters, events.TopicWebhook, events.TopicValidate)
	if err != nil {
		a.fail(c, "list dead letters", err)
		return
	}
	ids := make([]int64, 0, len(msgs))
	for _, m := range msgs {
		if id, ok := events.WebhookEventID(m); ok {
			ids = append(ids, id)
		}
	}
	evs, err := a.st.CloudEventsByID(ctx, ids)
	if err != nil {
		a.fail(c, "read dead letters' events", err)
		return
	}
	eventIDs := make(map[int64]string, len(evs))
	for _, e := range evs {
		eventIDs[e.ID] = e.EventID
	}
	out := make([]DeadLetter, 0, len(msgs))
	for _, m := range msgs {
		d := DeadLetter{ID: m.ID, Kind: m.Topic, Attempts: m.Attempts, LastError: m.LastError, Created: m.Created, FailedAt: m.FailedAt}
		if id, ok := events.WebhookEventID(m); ok {
			d.EventID = eventIDs[id]
		}
		out = append(out, d)
	}
	c.JSON(http.StatusOK, out)
}

// retry is POST /subscriptions/{id}/deadletters/{messageId}/retry: the delivery is
// tried again now, with a fresh count of attempts.
func (a *api) retry(c *gin.Context) {
	sub, ok := a.own(c)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(c.Param("messageId"), 10, 64)
	if err != nil || id <= 0 {
		deadLetterNotFound(c)
		return
	}
	ctx, ref := c.Request.Context(), strconv.FormatInt(sub.ID, 10)
	err = a.st.Revive(ctx, id, ref, events.TopicWebhook, events.TopicValidate)
	switch {
	case errors.Is(err, store.ErrNotFound):
		deadLetterNotFound(c)
	case err != nil:
		a.fail(c, "retry dead letter", err)
	default:
		a.nudge()
		c.Status(http.StatusNoContent)
	}
}
