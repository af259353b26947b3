// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// GetSessionWith is GetSession for a request about the instance partyID/guid. On
// PostgreSQL, outside a transaction, it reads the session, the instance and the
// instance's data elements in one round trip, and the context it returns hands
// the instance to the request's first LoadInstance of partyID/guid, which then
// sends nothing. A browser's request for a form page or an instance otherwise
// waits for two round trips, and each costs CPU on both sides: with one fewer,
// PostgreSQL sharing the runtime's cores served 13–25 % more form pages
// (docs/benchmarks.md, session 12). The session is checked as GetSession checks
// it, and the instance is kept only for a live session. The instance's reads
// return nothing unless the session exists, so a forged cookie costs no more
// than before; and when they fail, the session is still returned, with nothing
// read ahead, for the handler's own load to meet the failure. Elsewhere it is
// GetSession and returns ctx as it is.
func (s *Store) GetSessionWith(ctx context.Context, token string, partyID int64, guid string) (context.Context, Session, error) {
	pool, ok := s.g.Statement.ConnPool.(*sql.DB)
	if !ok || s.dialect != dbx.Postgres {
		sess, err := s.GetSession(ctx, token)
		return ctx, sess, err
	}
	var (
		sess        Session
		read, found bool
		id          = sessionID(token)
		p           = &preload{partyID: partyID, guid: guid}
	)
	err := s.runBatch(ctx, pool, func(b *pgx.Batch) {
		b.Queue(getSessionSQL.postgres, id)
		b.Queue(getInstanceWithSessionSQL.postgres, guid, partyID, id)
		b.Queue(listDataElementsWithSessionSQL.postgres, guid, partyID, id)
	}, func(br pgx.BatchResults) error {
		if err := br.QueryRow().Scan(sessionDest(&sess)...); err != nil {
			return err
		}
		read = true
		err := readLoad(br, &p.in, &p.els)
		found = err == nil
		return err
	})
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		err = gorm.ErrRecordNotFound
	case read:
		err = nil // the instance's reads failed or found nothing: nothing read ahead
	}
	if err != nil {
		return ctx, Session{}, wrap("get session", err)
	}
	if sess, err = s.live(ctx, sess); err != nil {
		return ctx, sess, err
	}
	if found {
		ctx = context.WithValue(ctx, preloadKey{}, p)
	}
	return ctx, sess, nil
}

// getInstanceWithSessionSQL and listDataElementsWithSessionSQL are LoadInstance's
// reads for GetSessionWith: they return no rows unless the session (the third
// argument, its id) exists.
var (
	getInstanceWithSessionSQL = newRawSQL("SELECT id, " + instanceColumns +
		" FROM instances WHERE guid = ? AND party_id = ? AND EXISTS (SELECT 1 FROM sessions WHERE id = ?)")
	listDataElementsWithSessionSQL = newRawSQL("SELECT " + dataElementColumns +
		" FROM data_elements WHERE instance_id = (SELECT id FROM instances WHERE guid = ? AND party_id = ?)" +
		" AND EXISTS (SELECT 1 FROM sessions WHERE id = ?) ORDER BY created, guid")
)

// preloadKey carries a *preload in a request's context.
type preloadKey struct{}

// preload is an instance and its elements read with the request's session, for
// the request's first LoadInstance of the same instance.
type preload struct {
	partyID int64
	guid    string
	in      Instance
	els     []DataElement
	taken   atomic.Bool
}

// takePreload returns the instance partyID/guid read ahead into ctx, once and
// only before the request's first transaction: later loads read the database
// again, so that they see the request's own writes.
func takePreload(ctx context.Context, partyID int64, guid string) (Instance, []DataElement, bool) {
	p, ok := ctx.Value(preloadKey{}).(*preload)
	if !ok || p.partyID != partyID || p.guid != guid || !p.taken.CompareAndSwap(false, true) {
		return Instance{}, nil, false
	}
	return p.in, p.els, true
}

// dropPreload makes the instance read ahead into ctx, if any, unavailable.
func dropPreload(ctx context.Context) {
	if p, ok := ctx.Value(preloadKey{}).(*preload); ok {
		p.taken.Store(true)
	}
}
