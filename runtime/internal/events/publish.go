// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// Outbox topics of the worker.
const (
	TopicEvent    = "event"
	TopicWebhook  = "webhook"
	TopicValidate = "validate"
)

// Publisher writes app events. The zero value is not usable: PublicURL is the
// runtime's external base URL, which every event's source starts with.
type Publisher struct {
	PublicURL string
	// NewID returns CloudEvent ids; nil is a random UUID. Tests fix it.
	NewID func() string
}

// NewPublisher returns a Publisher for the runtime at publicURL.
func NewPublisher(publicURL string) *Publisher {
	return &Publisher{PublicURL: strings.TrimSuffix(publicURL, "/")}
}

// eventMessage is the payload of a TopicEvent message.
type eventMessage struct {
	EventID int64 `json:"eventId"`
}

// Publish records the event typ about in at time at and queues its delivery. Call
// it with the transaction that makes the change: it costs one insert into events
// and one into the outbox.
func (p *Publisher) Publish(ctx context.Context, tx *store.Store, in Instance, typ string, at time.Time) (Event, error) {
	id := uuid.NewString()
	if p.NewID != nil {
		id = p.NewID()
	}
	ev := newAppEvent(p.PublicURL, id, in, typ, at)
	doc, err := json.Marshal(ev)
	if err != nil {
		return ev, fmt.Errorf("events: marshal %s: %w", typ, err)
	}
	row, err := tx.AppendCloudEvent(ctx, store.CloudEvent{EventID: ev.ID, Type: typ, Source: ev.Source, Subject: ev.Subject,
		AlternativeSubject: ev.AlternativeSubject, Org: in.Org, App: in.App, InstanceGUID: in.GUID, PartyID: in.PartyID,
		Time: at, Document: string(doc)})
	if err != nil {
		return ev, err
	}
	_, err = tx.Enqueue(ctx, TopicEvent, []byte(`{"eventId":`+strconv.FormatInt(row.ID, 10)+`}`), time.Time{})
	return ev, err
}
