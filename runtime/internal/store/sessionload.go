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
// PostgreSQL sharing the runtime's cores served 16–25 % more form pages
// (docs/benchmarks.md, session 12). The session is checked as GetSession checks
// it, and the instance is kept only for a live session. Elsewhere it is
// GetSession and returns ctx as it is.
func (s *Store) GetSessionWith(ctx context.Context, token string, partyID int64, guid string) (context.Context, Session, error) {
	pool, ok := s.g.Statement.ConnPool.(*sql.DB)
	if !ok || s.dialect != dbx.Postgres {
		sess, err := s.GetSession(ctx, token)
		return ctx, sess, err
	}
	var sess Session
	p := &preload{partyID: partyID, guid: guid}
	found := false
	err := onPgx(ctx, pool, func(pc *pgx.Conn) error {
		var b pgx.Batch
		b.Queue(getSessionSQL.postgres, sessionID(token))
		queueLoad(&b, partyID, guid)
		br := pc.SendBatch(ctx, &b)
		err := br.QueryRow().Scan(sessionDest(&sess)...)
		if err == nil {
			switch lerr := readLoad(br, &p.in, &p.els); {
			case lerr == nil:
				found = true
			case !errors.Is(lerr, gorm.ErrRecordNotFound):
				err = lerr
			}
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		err = gorm.ErrRecordNotFound
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
