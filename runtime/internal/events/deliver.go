// SPDX-License-Identifier: MIT

package events

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// errGone means a delivery has nothing left to do: its subscription was deleted.
var errGone = errors.New("events: subscription gone")

// validateMessage is the payload of a TopicValidate message.
type validateMessage struct {
	SubscriptionID int64 `json:"subscriptionId"`
}

// deliver runs one webhook or validate message and records the outcome.
func (w *Worker) deliver(ctx context.Context, m store.OutboxMessage) {
	var err error
	switch m.Topic {
	case TopicWebhook:
		err = w.webhook(ctx, m)
	case TopicValidate:
		err = w.validate(ctx, m)
	default:
		err = fmt.Errorf("events: unknown topic %q", m.Topic)
	}
	switch {
	case err == nil || errors.Is(err, errGone):
		if err := w.st.Complete(ctx, m.ID, w.id); err != nil && ctx.Err() == nil {
			w.log.Warn("events: complete delivery", "message", m.ID, "err", err)
		}
	case ctx.Err() != nil:
		// Shutdown: the lease brings the message back.
	default:
		failed, ferr := w.st.Fail(ctx, m.ID, w.id, err, w.retry)
		switch {
		case ferr != nil:
			w.log.Warn("events: record failed delivery", "message", m.ID, "err", ferr)
		case failed.Dead:
			w.log.Warn("events: delivery dead after its last attempt", "message", m.ID, "topic", m.Topic,
				"subscription", m.Ref, "attempts", failed.Attempts, "err", err)
		default:
			w.log.Info("events: delivery failed; retrying later", "message", m.ID, "topic", m.Topic,
				"subscription", m.Ref, "attempt", failed.Attempts, "retryAt", failed.AvailableAt, "err", err)
		}
	}
}

// webhook posts the event of m to its subscription's endpoint.
func (w *Worker) webhook(ctx context.Context, m store.OutboxMessage) error {
	var p webhookMessage
	if err := json.Unmarshal([]byte(m.Payload), &p); err != nil {
		return fmt.Errorf("events: webhook payload: %w", err)
	}
	sub, err := w.subscription(ctx, p.SubscriptionID)
	if err != nil {
		return err
	}
	ev, err := w.st.GetCloudEvent(ctx, p.EventID)
	if err != nil {
		return err
	}
	return w.post(ctx, sub, ev.EventID, []byte(ev.Document))
}

// validate sends the validation handshake of m's subscription and marks it
// validated on a 2xx.
func (w *Worker) validate(ctx context.Context, m store.OutboxMessage) error {
	var p validateMessage
	if err := json.Unmarshal([]byte(m.Payload), &p); err != nil {
		return fmt.Errorf("events: validate payload: %w", err)
	}
	sub, err := w.subscription(ctx, p.SubscriptionID)
	if err != nil || sub.Validated {
		return err
	}
	ev := ValidationEvent(w.public, sub, uuid.NewString(), w.now())
	body, _ := json.Marshal(ev)
	if err := w.post(ctx, sub, ev.ID, body); err != nil {
		return err
	}
	if err := w.st.SetSubscriptionValidated(ctx, sub.ID); err != nil {
		return err
	}
	w.log.Info("events: subscription validated", "subscription", sub.ID, "endpoint", Redact(sub.EndPoint))
	return nil
}

// ValidationEvent is the platform.events.validatesubscription event sent to sub's
// endpoint.
func ValidationEvent(publicURL string, sub store.Subscription, id string, at time.Time) Event {
	return Event{ID: id, SpecVersion: SpecVersion, Time: at.UTC(), Type: TypeValidateSubscription,
		Source:  publicURL + "/events/api/v1/subscriptions/" + strconv.FormatInt(sub.ID, 10),
		Subject: "/org/" + sub.Org}
}

// subscription reads subscription id; errGone when it is deleted or disabled.
func (w *Worker) subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := w.st.GetSubscription(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && sub.Disabled) {
		return sub, errGone
	}
	return sub, err
}

// post sends body to sub's endpoint, signed. Errors name the endpoint without its
// query, so they are safe to store and log.
func (w *Worker) post(ctx context.Context, sub store.Subscription, eventID string, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.EndPoint, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("events: endpoint %s: invalid request", Redact(sub.EndPoint))
	}
	req.Header.Set("Content-Type", ContentType)
	req.Header.Set("User-Agent", "blankett-events/1")
	req.Header.Set(HeaderEventID, eventID)
	req.Header.Set(HeaderSignature, Sign(sub.Secret, w.now(), body))
	resp, err := w.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL, query included
		}
		return fmt.Errorf("POST %s: %w", Redact(sub.EndPoint), err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("POST %s: answered %d", Redact(sub.EndPoint), resp.StatusCode)
	}
	w.log.Debug("events: delivered", "event", eventID, "subscription", sub.ID, "endpoint", slog.StringValue(Redact(sub.EndPoint)))
	return nil
}

// Redact returns endpoint as scheme://host/path: no user info, query or fragment,
// where subscribers put secrets.
func Redact(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "(invalid URL)"
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}
