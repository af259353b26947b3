// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/blankett/blankett/internal/dbx"
)

// EventMessage is the payload of the outbox message WriteEvents queues: the row
// ids of the cloud events it announces, in id order.
type EventMessage struct {
	EventIDs []int64 `json:"eventIds,omitempty"`
}

// EventWrite is what a change records beside itself: its audit trail, the cloud
// events that announce it, and the outbox topic of the message that delivers them.
type EventWrite struct {
	Audit []InstanceEvent
	Cloud []CloudEvent
	Topic string
}

// WriteEvents records w inside the caller's transaction: the audit events (with
// AppendEvent's defaults), the cloud events, and, when there are any, one message
// of w.Topic whose payload is an EventMessage naming them and whose event is the
// lowest of them (see EnqueueAbout). On PostgreSQL it is one statement instead of
// three: every round trip costs both the runtime and the server CPU, and a change
// pays for these on every instantiation and process step.
func (s *Store) WriteEvents(ctx context.Context, w EventWrite) error {
	if len(w.Cloud) == 0 {
		return s.AppendEvents(ctx, w.Audit)
	}
	op := fmt.Sprintf("write %d events and %d cloud events", len(w.Audit), len(w.Cloud))
	if s.dialect == dbx.Postgres {
		s.eventDefaults(w.Audit)
		for i := range w.Cloud {
			w.Cloud[i].Time = ts(w.Cloud[i].Time)
		}
		q, args := writeEventsSQL(w, s.clock())
		_, err := s.g.Statement.ConnPool.ExecContext(ctx, q, args...)
		return wrap(op, s.translate(err))
	}
	if err := s.AppendEvents(ctx, w.Audit); err != nil {
		return err
	}
	rows, err := s.AppendCloudEvents(ctx, w.Cloud)
	if err != nil {
		return err
	}
	msg := EventMessage{EventIDs: make([]int64, len(rows))}
	for i, r := range rows {
		msg.EventIDs[i] = r.ID
	}
	payload, err := json.Marshal(msg)
	if err != nil {
		return wrap(op, err)
	}
	_, err = s.EnqueueAbout(ctx, w.Topic, "", slices.Min(msg.EventIDs), payload, time.Time{})
	return err
}

// writeEventsSQL is WriteEvents' PostgreSQL statement: data-modifying CTEs insert
// the audit and cloud events, and the outbox row is built from the ids the latter
// return, with the payload EventMessage's JSON encoding gives.
func writeEventsSQL(w EventWrite, now time.Time) (string, []any) {
	q := sqlBuilder{dialect: dbx.Postgres}
	q.WriteString("WITH ")
	if len(w.Audit) > 0 {
		q.WriteString("audit AS (INSERT INTO " + auditColumns)
		q.values(len(w.Audit), func(i int) []any { return auditValues(w.Audit[i]) })
		q.WriteString("), ")
	}
	q.WriteString("cloud AS (INSERT INTO " + cloudColumns)
	q.values(len(w.Cloud), func(i int) []any { return cloudValues(w.Cloud[i]) })
	q.WriteString(" RETURNING id) INSERT INTO " + outboxColumns + " SELECT ")
	q.arg(w.Topic)
	q.WriteString(`, '', min(id), '{"eventIds":[' || string_agg(id::text, ',' ORDER BY id) || ']}', `)
	q.arg(now)
	q.WriteString(", ")
	q.arg(now)
	q.WriteString(", 0, '', false, '' FROM cloud")
	return q.String(), q.args
}
