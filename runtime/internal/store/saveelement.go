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

// ErrElementUnchanged marks a SaveElement whose element row could not be
// written (locked, or gone); the instance row was not written either.
var ErrElementUnchanged = errors.New("store: data element unchanged")

// The statements of SaveElement's batch on PostgreSQL. A zero-row update is
// turned into an error (a division by its zero count) so that the batch's
// implicit transaction commits nothing of it.
var (
	saveInstanceSQL = "WITH u AS (" + updateInstanceSQL.postgres + " RETURNING 1) SELECT 1 / count(*) FROM u"
	saveElementSQL  = "WITH u AS (" + replaceDataElementSQL.postgres + " RETURNING 1) SELECT 1 / count(*) FROM u"
	saveEventSQL    = "INSERT INTO " + auditColumns + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
)

// SaveElement is one save of a data element's content, all or nothing: the
// instance row as UpdateInstance writes it (version-checked; in.Version and
// in.LastChanged move on), the element row as ReplaceDataElement writes it
// (only while unlocked; ErrElementUnchanged otherwise) and the event that
// records it, as AppendEvent would. On PostgreSQL, outside a transaction, the
// three go to the server as one pipelined batch, which PostgreSQL runs as one
// implicit transaction: one round trip where BEGIN, three statements and
// COMMIT took five. The PUT of form data, which holds the submissions' slowest
// tail, saves through here.
func (s *Store) SaveElement(ctx context.Context, in *Instance, d *DataElement, ev InstanceEvent) error {
	pool, ok := s.g.Statement.ConnPool.(*sql.DB)
	if !ok || s.dialect != dbx.Postgres {
		return s.Tx(ctx, func(tx *Store) error {
			if err := tx.UpdateInstance(ctx, in); err != nil {
				return err
			}
			if err := tx.ReplaceDataElement(ctx, d); err != nil {
				return fmt.Errorf("%w: %w", ErrElementUnchanged, err)
			}
			_, err := tx.AppendEvent(ctx, ev)
			return err
		})
	}
	dropPreload(ctx)
	changed := s.changedAt(in)
	d.LastChanged = s.clock()
	evs := []InstanceEvent{ev}
	s.eventDefaults(evs)
	failed := -1
	err := runBatch(ctx, pool, func(b *pgx.Batch) {
		b.Queue(saveInstanceSQL, updateInstanceArgs(in, changed)...)
		b.Queue(saveElementSQL, replaceDataElementArgs(d)...)
		b.Queue(saveEventSQL, auditValues(evs[0])...)
	}, func(br pgx.BatchResults) error {
		for i := range 3 {
			if _, err := br.Exec(); err != nil {
				failed = i
				return err
			}
		}
		return nil
	})
	var pe *pgconn.PgError
	zero := errors.As(err, &pe) && pe.Code == "22012" // a division by a zero count: no row matched
	switch {
	case err == nil:
		in.Version++
		in.LastChanged = changed
		return nil
	case zero && failed == 0:
		return s.whyStale(ctx, in)
	case zero && failed == 1:
		return fmt.Errorf("%w: %w", ErrElementUnchanged, s.whyUnchanged(ctx, "replace", d.InstanceGUID, d.GUID))
	}
	return wrap("save data element "+d.GUID, err)
}
