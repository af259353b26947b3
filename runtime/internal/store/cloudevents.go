// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// CloudEvent is a row of the events table: one CloudEvent an app published, kept
// for the pull API and for webhook delivery. ID is the cursor (ascending in commit
// order per writer); EventID is the CloudEvent's own id; Document is the CloudEvent
// JSON exactly as delivered.
type CloudEvent struct {
	ID                 int64  `gorm:"primaryKey;autoIncrement"`
	EventID            string `gorm:"size:36"`
	Type               string `gorm:"size:200"`
	Source             string `gorm:"size:1000"`
	Subject            string `gorm:"size:200"`
	AlternativeSubject string `gorm:"size:200"`
	Org                string `gorm:"size:64"`
	App                string `gorm:"size:200"`
	InstanceGUID       string `gorm:"size:36"`
	PartyID            int64
	Time               time.Time
	Document           string `gorm:"type:text"`
}

// TableName implements gorm's tabler.
func (CloudEvent) TableName() string { return "events" }

// AppendCloudEvents adds events in one statement and returns them with their row
// ids, in order; call it inside Tx with the change they announce. No events is
// no statement and no error; an ID already set is not written (the database
// gives each row its own).
func (s *Store) AppendCloudEvents(ctx context.Context, es []CloudEvent) ([]CloudEvent, error) {
	for i := range es {
		es[i].Time = ts(es[i].Time)
	}
	if len(es) == 0 {
		return es, nil
	}
	ids, err := s.insertReturning(ctx, cloudColumns, "id", len(es), func(i int) []any { return cloudValues(es[i]) })
	if err != nil {
		return es, wrap(fmt.Sprintf("append %d cloud events", len(es)), err)
	}
	for i := range es {
		es[i].ID = ids[i]
	}
	return es, nil
}

// GetCloudEvent returns the event with row id.
func (s *Store) GetCloudEvent(ctx context.Context, id int64) (CloudEvent, error) {
	var e CloudEvent
	return e, wrap(fmt.Sprintf("get cloud event %d", id), s.db(ctx).Take(&e, id).Error)
}

// CloudEventsByID returns the events with the given row ids, in id order; unknown
// ids are left out.
func (s *Store) CloudEventsByID(ctx context.Context, ids []int64) ([]CloudEvent, error) {
	var out []CloudEvent
	if len(ids) == 0 {
		return out, nil
	}
	err := s.db(ctx).Where("id IN ?", ids).Order("id").Find(&out).Error
	return out, wrap("get cloud events", err)
}

// CloudEventQuery selects one app's events for the pull API. After is a CloudEvent
// id (the last one the caller has): only later events are returned, and an unknown
// id is ErrInvalid. From (inclusive) bounds the event time; PartyID filters when
// set. Types (exact) and TypePrefixes (types that start with one, case-sensitive,
// nothing a pattern) filter together when either is set: an event of any of the
// types or with any of the prefixes is returned. Limit must be positive.
type CloudEventQuery struct {
	Org, App     string
	After        string
	From         time.Time
	Types        []string
	TypePrefixes []string
	PartyID      int64
	Limit        int
}

// ListCloudEvents returns the events q selects, oldest (lowest id) first.
func (s *Store) ListCloudEvents(ctx context.Context, q CloudEventQuery) ([]CloudEvent, error) {
	db := s.db(ctx).Where("org = ? AND app = ?", q.Org, q.App)
	if q.After != "" {
		var after CloudEvent
		err := wrap("find cursor event", s.db(ctx).Select("id", "org", "app").Where("event_id = ?", q.After).Take(&after).Error)
		if isNotFound(err) || (err == nil && (after.Org != q.Org || after.App != q.App)) {
			return nil, fmt.Errorf("store: list cloud events: %w: no event %q of this app", ErrInvalid, q.After)
		} else if err != nil {
			return nil, err
		}
		db = db.Where("id > ?", after.ID)
	}
	if !q.From.IsZero() {
		db = db.Where("time >= ?", ts(q.From))
	}
	if cond, args := typeCondition(q.Types, q.TypePrefixes); cond != "" {
		db = db.Where(cond, args...)
	}
	if q.PartyID != 0 {
		db = db.Where("party_id = ?", q.PartyID)
	}
	var out []CloudEvent
	err := db.Order("id").Limit(q.Limit).Find(&out).Error
	return out, wrap("list cloud events of "+q.Org+"/"+q.App, err)
}

// typeCondition is the WHERE condition of exact types and type prefixes, "" for
// none. A prefix is compared with substr, not LIKE: LIKE would need _ and %
// escaped, and ignores case for ASCII on SQLite but not on PostgreSQL.
func typeCondition(types, prefixes []string) (string, []any) {
	var conds []string
	var args []any
	if len(types) > 0 {
		conds, args = append(conds, "type IN ?"), append(args, types)
	}
	for _, p := range prefixes {
		conds, args = append(conds, "substr(type, 1, ?) = ?"), append(args, utf8.RuneCountInString(p), p)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}
