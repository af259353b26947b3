// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
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
	// NewID returns CloudEvent ids; nil is store.NewRowID. Tests fix it.
	NewID func() string
}

// NewPublisher returns a Publisher for the runtime at publicURL.
func NewPublisher(publicURL string) *Publisher {
	return &Publisher{PublicURL: strings.TrimSuffix(publicURL, "/")}
}

// PublishAll records one event per type about in at time at, and the change's
// audit events, and queues the events' delivery, in the transaction that makes
// the change. However many there are, it costs one insert into each table, one
// statement in all on PostgreSQL (store.WriteEvents), since every statement is
// spent holding the database's write lock.
func (p *Publisher) PublishAll(ctx context.Context, tx *store.Store, in Instance, at time.Time, audit []store.InstanceEvent, types ...string) ([]Event, error) {
	w, evs, err := p.Write(in, at, audit, types...)
	if err != nil {
		return nil, err
	}
	if err := tx.WriteEvents(ctx, w); err != nil {
		return nil, err
	}
	return evs, nil
}

// Write is what PublishAll writes, for a change that writes it itself (a
// store.Writes): the rows, and the events they hold (nil for no types).
func (p *Publisher) Write(in Instance, at time.Time, audit []store.InstanceEvent, types ...string) (store.EventWrite, []Event, error) {
	var evs []Event
	rows := make([]store.CloudEvent, len(types))
	for i, typ := range types {
		id := store.NewRowID()
		if p.NewID != nil {
			id = p.NewID()
		}
		ev := newAppEvent(p.PublicURL, id, in, typ, at)
		doc, err := json.Marshal(ev)
		if err != nil {
			return store.EventWrite{}, nil, fmt.Errorf("events: marshal %s: %w", typ, err)
		}
		evs = append(evs, ev)
		rows[i] = store.CloudEvent{EventID: ev.ID, Type: typ, Source: ev.Source, Subject: ev.Subject,
			AlternativeSubject: ev.AlternativeSubject, Org: in.Org, App: in.App, InstanceGUID: in.GUID, PartyID: in.PartyID,
			Time: at, Document: string(doc)}
	}
	return store.EventWrite{Audit: audit, Cloud: rows, Topic: TopicEvent}, evs, nil
}
