// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// Writes is one change made of several writes that land together or not at
// all: the caller lists them with the methods named after Store's, each of
// which takes the values it writes (filling in defaults) when called, then
// Commit writes them. On PostgreSQL, outside a transaction, they go to the
// server as one pipelined batch, which PostgreSQL runs as one implicit
// transaction: one round trip where BEGIN, each statement and COMMIT took one
// each. Elsewhere (SQLite, or inside Tx) Commit runs the same statements one
// by one in a transaction. What the Store's methods set on the values they are
// given (ids, versions, times) is set once Commit succeeds; a failed Commit
// changes nothing, in the database or in the values.
//
// Every step fails on the server when it cannot be done, so that the batch's
// transaction commits nothing of the change: a statement that may change no
// row is guarded (see guard), and is then answered with the step's reason.
type Writes struct {
	s     *Store
	steps []write
	err   error // a step refused when it was added
}

// write is one step of Writes.
type write struct {
	op string
	// sql and args are the statement; batch is its text in a PostgreSQL batch
	// (sql.postgres, guarded when guarded is set).
	sql   rawSQL
	batch string
	args  []any
	// A guarded step fails the change when it changed no row (or returned
	// none); why then gives the error.
	guarded bool
	why     func(ctx context.Context, s *Store) error
	// dest, when not nil, receives the row the statement returns; for a
	// guarded step its last element takes the batch's count column (see guard).
	dest []any
	// run, when set, replaces the statement outside a batch.
	run func(ctx context.Context, tx *Store) error
	// done sets the caller's values after the change committed.
	done func()
}

// Writes returns an empty change on s.
func (s *Store) Writes() *Writes { return &Writes{s: s} }

// guard turns a data-modifying statement into one that fails (a division by
// its zero count, SQLSTATE 22012) when it changed no row, so that a batch's
// implicit transaction commits nothing of it. returning names the one column
// of the changed row it returns ("" for none), before the count's column.
func guard(q, returning string) string {
	if returning == "" {
		return "WITH u AS (" + q + " RETURNING 1) SELECT 1 / count(*) FROM u"
	}
	return "WITH u AS (" + q + ") SELECT min(" + returning + "), 1 / count(*) FROM u"
}

// The statements of Writes that have no other use.
var (
	createInstanceSQL = newRawSQL("INSERT INTO instances (" + instanceColumns + ") VALUES " + placeholders(instanceColumns) + " RETURNING id")
	enqueueSQL        = newRawSQL("INSERT INTO " + outboxColumns + " VALUES " + placeholders(outboxColumns))
)

// placeholders is "(?, …, ?)" with one placeholder per column of columns (a
// comma-separated list, or a table with its list).
func placeholders(columns string) string {
	return "(" + strings.Repeat("?, ", strings.Count(columns, ",")) + "?)"
}

// Batch forms of the guarded statements, built once.
var (
	guardedUpdateInstanceSQL = guard(updateInstanceSQL.postgres, "")
	guardedReplaceElementSQL = guard(replaceDataElementSQL.postgres, "")
	guardedLockElementSQL    = guard(lockDataElementSQL.postgres, "")
	guardedCreateElementSQL  = guard(createDataElementOfSQL.postgres, "instance_id")
)

func (w *Writes) add(st write) {
	if st.batch == "" {
		st.batch = st.sql.postgres
	}
	w.steps = append(w.steps, st)
}

// UpdateInstance is Store.UpdateInstance: version-checked, ErrConflict (or
// ErrNotFound) when the row was changed (or is gone).
func (w *Writes) UpdateInstance(in *Instance) {
	c := *in
	changed := w.s.changedAt(&c)
	w.add(write{
		op: "update instance " + in.GUID, sql: updateInstanceSQL, batch: guardedUpdateInstanceSQL,
		args: updateInstanceArgs(&c, changed), guarded: true,
		why:  func(ctx context.Context, s *Store) error { return s.whyStale(ctx, &c) },
		done: func() { in.Version, in.LastChanged = c.Version+1, changed },
	})
}

// ReplaceDataElement is Store.ReplaceDataElement, but its refusal (a locked
// or missing element) is an *ElementUnchangedError.
func (w *Writes) ReplaceDataElement(d *DataElement) {
	c := *d
	c.LastChanged = w.s.clock()
	w.add(write{
		op: "replace data element " + d.GUID, sql: replaceDataElementSQL, batch: guardedReplaceElementSQL,
		args: replaceDataElementArgs(&c), guarded: true,
		why: func(ctx context.Context, s *Store) error {
			return &ElementUnchangedError{GUID: c.GUID, Err: s.whyUnchanged(ctx, "replace", c.InstanceGUID, c.GUID)}
		},
		done: func() { d.LastChanged = c.LastChanged },
	})
}

// LockDataElement is Store.LockDataElement: ErrNotFound when d is gone.
func (w *Writes) LockDataElement(d *DataElement, locked bool) {
	at, guid := w.s.clock(), d.GUID
	w.add(write{
		op: "lock data element " + guid, sql: lockDataElementSQL, batch: guardedLockElementSQL,
		args: []any{locked, at, guid, d.InstanceGUID}, guarded: true,
		why: func(context.Context, *Store) error {
			return fmt.Errorf("store: lock data element %s: %w", guid, ErrNotFound)
		},
		done: func() { d.Locked, d.LastChanged = locked, at },
	})
}

// CreateInstance inserts in as Store.CreateInstance does, but a key of idem
// that was used before fails the change with ErrDuplicate: the caller reads
// what the first request stored (InstanceByIdempotency) first, and again after
// a concurrent request won. Its defaults are filled into in at once, its ID
// after Commit.
func (w *Writes) CreateInstance(in *Instance, idem Idempotency) {
	w.s.instanceDefaults(in, idem)
	var id int64
	w.add(write{
		op: "create instance", sql: createInstanceSQL, args: instanceValues(*in),
		dest: []any{&id},
		done: func() { in.ID = id },
	})
}

// CreateDataElement is Store.CreateDataElement; its defaults are filled into d
// at once. A d.InstanceID of 0 stands for the instance d.InstanceGUID names,
// which this change may create (ErrNotFound when there is none); d.InstanceID
// is then set after Commit.
func (w *Writes) CreateDataElement(d *DataElement) {
	w.s.elementDefaults(d)
	a := createDataElementArgs(d)
	op := "create data element " + d.GUID
	if d.InstanceID != 0 {
		w.add(write{op: op, sql: createDataElementSQL, args: a})
		return
	}
	var id, count int64
	instance := d.InstanceGUID
	w.add(write{
		op: op, sql: createDataElementOfSQL, batch: guardedCreateElementSQL,
		args:    append(append([]any{a[0]}, a[2:]...), instance), // without the instance id; then the instance's guid
		guarded: true, dest: []any{&id, &count},
		why: func(context.Context, *Store) error {
			return fmt.Errorf("store: %s: instance %s: %w", op, instance, ErrNotFound)
		},
		done: func() { d.InstanceID = id },
	})
}

// Enqueue is Store.EnqueueRef of a message available now (ErrInvalid for a
// payload that is not JSON); its ID is not returned.
func (w *Writes) Enqueue(topic, ref string, payload []byte) {
	if !json.Valid(payload) {
		w.err = errors.Join(w.err, fmt.Errorf("store: enqueue %s: %w: payload is not JSON", topic, ErrInvalid))
		return
	}
	now := w.s.clock()
	w.add(write{
		op: "enqueue " + topic, sql: enqueueSQL,
		args: outboxValues(OutboxMessage{Topic: topic, Ref: ref, Payload: string(payload), Created: now, AvailableAt: now}),
	})
}

// WriteEvents is Store.WriteEvents; the audit events' Seq is not set.
func (w *Writes) WriteEvents(ev EventWrite) {
	if len(ev.Audit) == 0 && len(ev.Cloud) == 0 {
		return
	}
	ev.Audit = slices.Clone(ev.Audit)
	ev.Cloud = slices.Clone(ev.Cloud)
	w.s.eventDefaults(ev.Audit)
	for i := range ev.Cloud {
		ev.Cloud[i].Time = ts(ev.Cloud[i].Time)
	}
	var q string
	var args []any
	if len(ev.Cloud) > 0 {
		q, args = writeEventsSQL(ev, w.s.clock())
	} else {
		b := sqlBuilder{dialect: dbx.Postgres}
		b.WriteString("INSERT INTO " + auditColumns)
		b.values(len(ev.Audit), func(i int) []any { return auditValues(ev.Audit[i]) })
		q, args = b.String(), b.args
	}
	w.add(write{
		op:    fmt.Sprintf("write %d events and %d cloud events", len(ev.Audit), len(ev.Cloud)),
		batch: q, args: args,
		run: func(ctx context.Context, tx *Store) error { return tx.WriteEvents(ctx, ev) },
	})
}

// Commit writes the change, all or nothing (see Writes).
func (w *Writes) Commit(ctx context.Context) error {
	if w.err != nil {
		return w.err
	}
	if len(w.steps) == 0 {
		return nil
	}
	var err error
	if pool, ok := w.s.g.Statement.ConnPool.(*sql.DB); ok && w.s.dialect == dbx.Postgres {
		err = w.commitBatch(ctx, pool)
	} else {
		err = w.s.Tx(ctx, func(tx *Store) error {
			for _, st := range w.steps {
				if err := st.exec(ctx, tx); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		return err
	}
	for _, st := range w.steps {
		if st.done != nil {
			st.done()
		}
	}
	return nil
}

// exec runs st on its own on tx.
func (st write) exec(ctx context.Context, tx *Store) error {
	if st.run != nil {
		return st.run(ctx, tx)
	}
	if st.dest != nil {
		dest := st.dest
		if st.guarded {
			dest = dest[:len(dest)-1] // the batch's count column
		}
		err := tx.queryRow(ctx, st.sql, st.args, dest...)
		if errors.Is(err, gorm.ErrRecordNotFound) && st.guarded {
			return st.why(ctx, tx)
		}
		return wrap(st.op, tx.translate(err))
	}
	n, err := tx.exec(ctx, st.sql, st.args...)
	if err != nil {
		return wrap(st.op, err)
	}
	if n == 0 && st.guarded {
		return st.why(ctx, tx)
	}
	return nil
}

// commitBatch sends the steps as one pgx batch on a connection of pool.
func (w *Writes) commitBatch(ctx context.Context, pool *sql.DB) error {
	dropPreload(ctx)
	failed := -1
	err := w.s.runBatch(ctx, pool, func(b *pgx.Batch) {
		for _, st := range w.steps {
			b.Queue(st.batch, st.args...)
		}
	}, func(br pgx.BatchResults) error {
		for i, st := range w.steps {
			var err error
			if st.dest != nil {
				err = br.QueryRow().Scan(st.dest...)
			} else {
				_, err = br.Exec()
			}
			if err != nil {
				failed = i
				return err
			}
		}
		return nil
	})
	if err == nil {
		return nil
	}
	if failed < 0 {
		return wrap("write a change", w.s.translate(err))
	}
	st := w.steps[failed]
	if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == "22012" && st.guarded {
		return st.why(ctx, w.s)
	}
	return wrap(st.op, w.s.translate(err))
}
