// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Columns of the rows the write path inserts by hand, in the order of the
// values their rows give (auditValues, cloudValues, outboxValues).
const (
	auditColumns  = `instance_events (id, instance_guid, party_id, event_type, created, data_id, "user", process_info)`
	cloudColumns  = "events (event_id, type, source, subject, alternative_subject, org, app, instance_guid, party_id, time, document)"
	outboxColumns = "outbox (topic, ref, event_id, payload, created, available_at, attempts, locked_by, dead, last_error)"
)

func auditValues(e InstanceEvent) []any {
	return []any{e.ID, e.InstanceGUID, e.PartyID, e.EventType, e.Created, e.DataID, e.User, e.ProcessInfo}
}

func cloudValues(e CloudEvent) []any {
	return []any{e.EventID, e.Type, e.Source, e.Subject, e.AlternativeSubject, e.Org, e.App, e.InstanceGUID, e.PartyID, e.Time, e.Document}
}

func outboxValues(m OutboxMessage) []any {
	return []any{m.Topic, m.Ref, m.EventID, m.Payload, m.Created, m.AvailableAt, m.Attempts, m.LockedBy, m.Dead, m.LastError}
}

// sqlBuilder builds a statement whose text varies (the number of rows an INSERT
// carries) with its arguments, numbering PostgreSQL's placeholders as it goes.
type sqlBuilder struct {
	strings.Builder
	dialect dbx.Dialect
	args    []any
}

// arg adds v as the statement's next argument and writes its placeholder.
func (q *sqlBuilder) arg(v any) {
	q.args = append(q.args, v)
	placeholder(&q.Builder, q.dialect, len(q.args))
}

// values writes " VALUES (…), (…)" for n rows, each row's values from row.
func (q *sqlBuilder) values(n int, row func(i int) []any) {
	q.WriteString(" VALUES ")
	for i := range n {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteByte('(')
		for j, v := range row(i) {
			if j > 0 {
				q.WriteString(", ")
			}
			q.arg(v)
		}
		q.WriteByte(')')
	}
}

// insertReturning inserts n rows into columns (a table and its column list) in
// one statement and returns the key column of each, in the order of the rows.
// The write path calls it instead of gorm's Create, whose statement building
// and reflection cost more CPU than the insert: on SQLite that is time of the
// single writer every other write waits for.
func (s *Store) insertReturning(ctx context.Context, columns, key string, n int, row func(i int) []any) ([]int64, error) {
	q := sqlBuilder{dialect: s.dialect}
	q.WriteString("INSERT INTO " + columns)
	q.values(n, row)
	q.WriteString(" RETURNING " + key)
	rows, err := s.g.Statement.ConnPool.QueryContext(ctx, q.String(), q.args...)
	if err != nil {
		return nil, s.translate(err)
	}
	defer rows.Close()
	keys := make([]int64, 0, n)
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, s.translate(err)
	}
	if len(keys) != n {
		return nil, fmt.Errorf("store: %d rows inserted into %s, %d keys returned", n, columns, len(keys))
	}
	// Neither engine promises RETURNING's order; keys grow in the order the rows
	// are inserted, which is theirs.
	slices.Sort(keys)
	return keys, nil
}

// translate turns a driver's error into gorm's (a unique violation into
// gorm.ErrDuplicatedKey, which wrap makes ErrDuplicate), as gorm does for the
// statements it runs itself.
func (s *Store) translate(err error) error {
	if t, ok := s.g.Dialector.(gorm.ErrorTranslator); ok && err != nil {
		return t.Translate(err)
	}
	return err
}
