// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"time"
)

// InstanceEvent is a row of the audit trail: who did what to an instance and when.
// User and ProcessInfo hold the Altinn JSON objects (PlatformUser, ProcessState).
type InstanceEvent struct {
	// Seq is set by the database on insert, in the order events are written; it
	// orders an instance's events, since one change writes several with one
	// timestamp.
	Seq          int64  `gorm:"primaryKey;autoIncrement"`
	ID           string `gorm:"size:36"`
	InstanceGUID string `gorm:"size:36"`
	PartyID      int64
	// EventType is an Altinn event type: Created, Saved, Submited, Deleted,
	// ConfirmedComplete, process_StartTask, process_EndEvent, …
	EventType   string `gorm:"size:100"`
	Created     time.Time
	DataID      string `gorm:"size:36"`
	User        string `gorm:"type:text"`
	ProcessInfo string `gorm:"type:text"`
}

// TableName implements gorm's tabler.
func (InstanceEvent) TableName() string { return "instance_events" }

// AppendEvent records e; call it inside Tx with the change it describes. An empty ID
// gets a new GUID, a zero Created now, and empty JSON fields "{}".
func (s *Store) AppendEvent(ctx context.Context, e InstanceEvent) (InstanceEvent, error) {
	es := []InstanceEvent{e}
	err := s.AppendEvents(ctx, es)
	return es[0], err
}

// AppendEvents records es with one INSERT, filling in their defaults as
// AppendEvent does; they are listed in the order of es.
func (s *Store) AppendEvents(ctx context.Context, es []InstanceEvent) error {
	s.eventDefaults(es)
	if len(es) == 0 {
		return nil
	}
	op := "append event " + es[0].EventType
	if len(es) > 1 {
		op = fmt.Sprintf("append %d events", len(es))
	}
	seqs, err := s.insertReturning(ctx, auditColumns, "seq", len(es), func(i int) []any { return auditValues(es[i]) })
	if err != nil {
		return wrap(op, err)
	}
	for i := range es {
		es[i].Seq = seqs[i]
	}
	return nil
}

// eventDefaults fills in what AppendEvent documents: a new ID, now, "{}".
func (s *Store) eventDefaults(es []InstanceEvent) {
	for i := range es {
		e := &es[i]
		if e.ID == "" {
			e.ID = NewRowID()
		}
		if e.Created.IsZero() {
			e.Created = s.clock()
		}
		e.Created = ts(e.Created)
		if e.User == "" {
			e.User = "{}"
		}
		if e.ProcessInfo == "" {
			e.ProcessInfo = "{}"
		}
	}
}

// EventFilter narrows ListEvents; zero fields do not filter. From is inclusive, To
// exclusive.
type EventFilter struct {
	Types    []string
	From, To time.Time
}

// ListEvents returns an instance's events in the order they were written.
func (s *Store) ListEvents(ctx context.Context, instanceGUID string, f EventFilter) ([]InstanceEvent, error) {
	q := s.db(ctx).Where("instance_guid = ?", instanceGUID)
	if len(f.Types) > 0 {
		q = q.Where("event_type IN ?", f.Types)
	}
	if !f.From.IsZero() {
		q = q.Where("created >= ?", ts(f.From))
	}
	if !f.To.IsZero() {
		q = q.Where("created < ?", ts(f.To))
	}
	var out []InstanceEvent
	err := q.Order("seq").Find(&out).Error
	return out, wrap("list events of "+instanceGUID, err)
}
