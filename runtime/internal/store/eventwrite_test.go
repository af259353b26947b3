// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// TestWriteEvents checks that one WriteEvents leaves the same rows on both
// engines (PostgreSQL writes them with one statement): the audit events in
// order with their defaults, the cloud events, and one message naming the
// cloud events exactly as EnqueueAbout would queue it.
func TestWriteEvents(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		now := time.Date(2024, 6, 1, 9, 0, 0, 123456000, time.UTC)
		s := newStore(t, db, store.WithClock(func() time.Time { return now }))
		ctx := context.Background()
		g := db.Gorm.WithContext(ctx)
		cloud := func(guid string, types ...string) []store.CloudEvent {
			var out []store.CloudEvent
			for _, typ := range types {
				out = append(out, store.CloudEvent{EventID: uuid.NewString(), Type: typ, Source: "https://rt/" + guid,
					Subject: "/party/7", Org: "ttd", App: "w", InstanceGUID: guid, PartyID: 7, Time: now, Document: `{"type":"` + typ + `"}`})
			}
			return out
		}
		for _, tc := range []struct {
			name  string
			audit []string
			types []string
		}{
			{"audit and events", []string{"Created", "process_StartEvent", "process_StartTask"}, []string{"created", "moved"}},
			{"events only", nil, []string{"substatus"}},
			{"audit only", []string{"Saved"}, nil},
			{"nothing", nil, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				guid := uuid.NewString()
				var audit []store.InstanceEvent
				for _, typ := range tc.audit {
					audit = append(audit, store.InstanceEvent{InstanceGUID: guid, PartyID: 7, EventType: typ, DataID: "d-" + typ})
				}
				err := s.Tx(ctx, func(tx *store.Store) error {
					return tx.WriteEvents(ctx, store.EventWrite{Audit: audit, Cloud: cloud(guid, tc.types...), Topic: "event"})
				})
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.ListEvents(ctx, guid, store.EventFilter{})
				if err != nil || len(got) != len(tc.audit) {
					t.Fatalf("audit events: %d, %v; want %d", len(got), err, len(tc.audit))
				}
				for i, e := range got {
					if e.EventType != tc.audit[i] || e.DataID != "d-"+tc.audit[i] || e.ID == "" || !e.Created.Equal(now) ||
						e.User != "{}" || e.ProcessInfo != "{}" || e.PartyID != 7 {
						t.Errorf("audit event %d = %+v", i, e)
					}
				}
				var rows []store.CloudEvent
				if err := g.Where("instance_guid = ?", guid).Order("id").Find(&rows).Error; err != nil || len(rows) != len(tc.types) {
					t.Fatalf("cloud events: %d, %v; want %d", len(rows), err, len(tc.types))
				}
				for i, r := range rows {
					if r.Type != tc.types[i] || r.Document != `{"type":"`+tc.types[i]+`"}` || !r.Time.Equal(now) || r.Source != "https://rt/"+guid {
						t.Errorf("cloud event %d = %+v", i, r)
					}
				}
				var msgs []store.OutboxMessage
				if len(rows) > 0 {
					if err := g.Where("event_id = ?", rows[0].ID).Find(&msgs).Error; err != nil {
						t.Fatal(err)
					}
				}
				if len(msgs) != min(len(rows), 1) {
					t.Fatalf("%d messages, want %d", len(msgs), min(len(rows), 1))
				}
				if len(msgs) == 1 {
					sameMessage(t, msgs[0], rows, now)
				}
			})
		}

		// Everything WriteEvents writes is part of the caller's transaction: a
		// change that fails leaves none of it.
		t.Run("rolled back", func(t *testing.T) {
			guid := uuid.NewString()
			boom := errors.New("boom")
			err := s.Tx(ctx, func(tx *store.Store) error {
				audit := []store.InstanceEvent{{InstanceGUID: guid, PartyID: 7, EventType: "Created"}}
				if err := tx.WriteEvents(ctx, store.EventWrite{Audit: audit, Cloud: cloud(guid, "created"), Topic: "event"}); err != nil {
					return err
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("Tx = %v, want boom", err)
			}
			var events, audit int64
			g.Model(&store.CloudEvent{}).Where("instance_guid = ?", guid).Count(&events)
			g.Model(&store.InstanceEvent{}).Where("instance_guid = ?", guid).Count(&audit)
			if events != 0 || audit != 0 {
				t.Errorf("a rolled back change left %d events and %d audit events", events, audit)
			}
		})
	})
}

// sameMessage fails t unless m is the message WriteEvents queues for rows.
func sameMessage(t *testing.T, m store.OutboxMessage, rows []store.CloudEvent, now time.Time) {
	t.Helper()
	want := `{"eventIds":[` + strconv.FormatInt(rows[0].ID, 10)
	for _, r := range rows[1:] {
		want += "," + strconv.FormatInt(r.ID, 10)
	}
	want += "]}"
	if m.Topic != "event" || m.Payload != want || m.Ref != "" || m.Attempts != 0 || m.Dead || m.DoneAt != nil ||
		m.LockedUntil != nil || !m.Created.Equal(now) || !m.AvailableAt.Equal(now) {
		t.Errorf("message = %+v, want payload %s", m, want)
	}
}

// TestInsertedKeys checks that the rows the write path inserts by hand come back
// with the keys the database gave them, in the caller's order, as gorm's Create
// filled them in: audit events' seq, cloud events' and outbox messages' ids.
func TestInsertedKeys(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		g := db.Gorm.WithContext(ctx)
		guid := uuid.NewString()
		audit := []store.InstanceEvent{{InstanceGUID: guid, EventType: "a"}, {InstanceGUID: guid, EventType: "b"}, {InstanceGUID: guid, EventType: "c"}}
		if err := s.AppendEvents(ctx, audit); err != nil {
			t.Fatal(err)
		}
		stored, err := s.ListEvents(ctx, guid, store.EventFilter{})
		if err != nil || len(stored) != 3 {
			t.Fatalf("ListEvents = %d, %v", len(stored), err)
		}
		for i := range audit {
			if audit[i].Seq == 0 || audit[i].Seq != stored[i].Seq || audit[i].ID != stored[i].ID {
				t.Errorf("event %d: seq %d id %s, stored seq %d id %s", i, audit[i].Seq, audit[i].ID, stored[i].Seq, stored[i].ID)
			}
		}
		var cloud []store.CloudEvent
		for _, typ := range []string{"x", "y", "z"} {
			cloud = append(cloud, store.CloudEvent{EventID: uuid.NewString(), Type: typ, InstanceGUID: guid, Document: `{}`})
		}
		got, err := s.AppendCloudEvents(ctx, cloud)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got {
			var row store.CloudEvent
			if err := g.Where("event_id = ?", e.EventID).Take(&row).Error; err != nil || row.ID != e.ID || e.ID == 0 {
				t.Errorf("cloud event %s: id %d, stored %d (%v)", e.Type, e.ID, row.ID, err)
			}
		}
		m, err := s.EnqueueAbout(ctx, "keys", "r", got[1].ID, []byte(`{"k":1}`), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var row store.OutboxMessage
		if err := g.Take(&row, m.ID).Error; err != nil || row.Topic != "keys" || row.Ref != "r" || row.EventID == nil ||
			*row.EventID != got[1].ID || row.Payload != `{"k":1}` || row.LockedUntil != nil || row.DoneAt != nil || row.FailedAt != nil {
			t.Errorf("message %d: stored %+v, %v", m.ID, row, err)
		}
	})
}
