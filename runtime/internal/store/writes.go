// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Writes is one change made of several writes that land together or not at
// all: the caller lists them with the methods named after Store's, which take
// their values (and fill in defaults) when called, then Commit writes them. On
// PostgreSQL, outside a transaction, they go to the server as one pipelined
// batch, which PostgreSQL runs as one implicit transaction: one round trip where
// BEGIN, each statement and COMMIT took one each. Elsewhere (SQLite, or inside
// Tx) Commit runs Store's own methods in order in one transaction. When Commit
// fails, the values the methods were given may be half updated and are to be
// thrown away, as after a failed Tx.
type Writes struct {
	s     *Store
	steps []write
}

// write is one step of Writes.
type write struct {
	op string
	// run is the step on its own, inside Commit's transaction.
	run func(ctx context.Context, tx *Store) error
	// sql and args are the step as one statement of a PostgreSQL batch. A
	// guarded statement (see guard) fails the batch when it changed no row;
	// why then says why.
	sql     string
	args    []any
	guarded bool
	why     func(ctx context.Context, s *Store) error
	// dest, when not nil, receives the one row the statement returns.
	dest []any
	// done sets, after the batch committed, what run would have set.
	done func()
}

// Writes returns an empty change on s.
func (s *Store) Writes() *Writes { return &Writes{s: s} }

// guard turns a data-modifying statement into one that fails (a division by
// its zero count, SQLSTATE 22012) when it changed no row, so that a batch's
// implicit transaction commits nothing of it.
func guard(q string) string { return "WITH u AS (" + q + " RETURNING 1) SELECT 1 / count(*) FROM u" }

// Guarded forms of the statements whose zero-row result is an error.
var (
	guardedUpdateInstanceSQL = guard(updateInstanceSQL.postgres)
	guardedReplaceElementSQL = guard(replaceDataElementSQL.postgres)
	guardedLockElementSQL    = guard(lockDataElementSQL.postgres)
)

// UpdateInstance is Store.UpdateInstance: version-checked, ErrConflict (or
// ErrNotFound) when the row was changed (or is gone).
func (w *Writes) UpdateInstance(in *Instance) {
	changed := w.s.changedAt(in)
	w.steps = append(w.steps, write{
		op:  "update instance " + in.GUID,
		run: func(ctx context.Context, tx *Store) error { return tx.UpdateInstance(ctx, in) },
		sql: guardedUpdateInstanceSQL, args: updateInstanceArgs(in, changed), guarded: true,
		why:  func(ctx context.Context, s *Store) error { return s.whyStale(ctx, in) },
		done: func() { in.Version++; in.LastChanged = changed },
	})
}

// ReplaceDataElement is Store.ReplaceDataElement, but its refusal (a locked
// or missing element) also wraps ErrElementUnchanged.
func (w *Writes) ReplaceDataElement(d *DataElement) {
	changed := w.s.clock()
	e := *d
	e.LastChanged = changed
	w.steps = append(w.steps, write{
		op: "replace data element " + d.GUID,
		run: func(ctx context.Context, tx *Store) error {
			err := tx.ReplaceDataElement(ctx, d)
			if errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
				err = fmt.Errorf("%w: %w", ErrElementUnchanged, err)
			}
			return err
		},
		sql: guardedReplaceElementSQL, args: replaceDataElementArgs(&e), guarded: true,
		why: func(ctx context.Context, s *Store) error {
			return fmt.Errorf("%w: %w", ErrElementUnchanged, s.whyUnchanged(ctx, "replace", d.InstanceGUID, d.GUID))
		},
		done: func() { d.LastChanged = changed },
	})
}

// LockDataElement is Store.LockDataElement: ErrNotFound when d is gone.
func (w *Writes) LockDataElement(d *DataElement, locked bool) {
	at := w.s.clock()
	w.steps = append(w.steps, write{
		op:  "lock data element " + d.GUID,
		run: func(ctx context.Context, tx *Store) error { return tx.LockDataElement(ctx, d, locked) },
		sql: guardedLockElementSQL, args: []any{locked, at, d.GUID, d.InstanceGUID}, guarded: true,
		why: func(context.Context, *Store) error {
			return fmt.Errorf("store: lock data element %s: %w", d.GUID, ErrNotFound)
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
	q := sqlBuilder{dialect: dbx.Postgres}
	q.WriteString("INSERT INTO instances (" + instanceColumns + ")")
	q.values(1, func(int) []any { return instanceValues(*in) })
	q.WriteString(" RETURNING id")
	var id int64
	w.steps = append(w.steps, write{
		op:  "create instance",
		run: func(ctx context.Context, tx *Store) error { return wrap("create instance", tx.insertInstance(ctx, in)) },
		sql: q.String(), args: q.args, dest: []any{&id},
		done: func() { in.ID = id },
	})
}

// CreateDataElement is Store.CreateDataElement; its defaults are filled into d
// at once. A d.InstanceID of 0 stands for the instance d.InstanceGUID names,
// which this change may create; d.InstanceID is then set after Commit.
func (w *Writes) CreateDataElement(d *DataElement) {
	w.s.elementDefaults(d)
	if d.InstanceID != 0 {
		w.steps = append(w.steps, write{
			op: "create data element " + d.GUID,
			run: func(ctx context.Context, tx *Store) error {
				_, err := tx.CreateDataElement(ctx, *d)
				return err
			},
			sql: createDataElementSQL.postgres, args: createDataElementArgs(d),
		})
		return
	}
	var id int64
	a := createDataElementArgs(d) // without the instance id, then the instance's guid
	args := append(append([]any{a[0]}, a[2:]...), d.InstanceGUID)
	w.steps = append(w.steps, write{
		op: "create data element " + d.GUID,
		run: func(ctx context.Context, tx *Store) error {
			return wrap("create data element "+d.GUID, tx.queryRow(ctx, createDataElementOfSQL, args, &d.InstanceID))
		},
		sql: createDataElementOfSQL.postgres, args: args, dest: []any{&id},
		done: func() { d.InstanceID = id },
	})
}

// Enqueue is Store.EnqueueRef of a message available now; its ID is not returned.
func (w *Writes) Enqueue(topic, ref string, payload []byte) {
	now := w.s.clock()
	q := sqlBuilder{dialect: dbx.Postgres}
	q.WriteString("INSERT INTO " + outboxColumns)
	q.values(1, func(int) []any {
		return outboxValues(OutboxMessage{Topic: topic, Ref: ref, Payload: string(payload), Created: now, AvailableAt: now})
	})
	w.steps = append(w.steps, write{
		op: "enqueue " + topic,
		run: func(ctx context.Context, tx *Store) error {
			_, err := tx.EnqueueRef(ctx, topic, ref, payload, now)
			return err
		},
		sql: q.String(), args: q.args,
	})
}

// WriteEvents is Store.WriteEvents; the audit events' Seq is not set.
func (w *Writes) WriteEvents(ev EventWrite) {
	if len(ev.Audit) == 0 && len(ev.Cloud) == 0 {
		return
	}
	w.s.eventDefaults(ev.Audit)
	var q string
	var args []any
	if len(ev.Cloud) > 0 {
		for i := range ev.Cloud {
			ev.Cloud[i].Time = ts(ev.Cloud[i].Time)
		}
		q, args = writeEventsSQL(ev, w.s.clock())
	} else {
		b := sqlBuilder{dialect: dbx.Postgres}
		b.WriteString("INSERT INTO " + auditColumns)
		b.values(len(ev.Audit), func(i int) []any { return auditValues(ev.Audit[i]) })
		q, args = b.String(), b.args
	}
	w.steps = append(w.steps, write{
		op:  fmt.Sprintf("write %d events and %d cloud events", len(ev.Audit), len(ev.Cloud)),
		run: func(ctx context.Context, tx *Store) error { return tx.WriteEvents(ctx, ev) },
		sql: q, args: args,
	})
}

// Commit writes the change, all or nothing (see Writes).
func (w *Writes) Commit(ctx context.Context) error {
	pool, ok := w.s.g.Statement.ConnPool.(*sql.DB)
	if !ok || w.s.dialect != dbx.Postgres {
		return w.s.Tx(ctx, func(tx *Store) error {
			for _, st := range w.steps {
				if err := st.run(ctx, tx); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if len(w.steps) == 0 {
		return nil
	}
	dropPreload(ctx)
	failed := -1
	err := runBatch(ctx, pool, func(b *pgx.Batch) {
		for _, st := range w.steps {
			b.Queue(st.sql, st.args...)
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
		for _, st := range w.steps {
			if st.done != nil {
				st.done()
			}
		}
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
