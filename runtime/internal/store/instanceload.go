// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// listDataElementsByGUIDSQL is ListDataElements for an instance named by party and
// guid, so that it can be sent together with getInstanceSQL.
var listDataElementsByGUIDSQL = newRawSQL("SELECT " + dataElementColumns +
	" FROM data_elements WHERE instance_id = (SELECT id FROM instances WHERE guid = ? AND party_id = ?) ORDER BY created, guid")

// LoadInstance returns the instance partyID/guid, as GetInstance does, and its
// data elements, as ListDataElements does. On PostgreSQL, outside a transaction,
// both statements go to the server in one round trip (a pipelined batch): every
// app API and form request that names an instance loads it through here, and a
// form page on PostgreSQL served 12–18 % more pages with one round trip fewer
// (docs/benchmarks.md, session 10). There, the request's first load of the
// instance its session middleware read ahead (GetSessionWith) returns that copy
// and sends nothing.
func (s *Store) LoadInstance(ctx context.Context, partyID int64, guid string) (Instance, []DataElement, error) {
	if pool, ok := s.g.Statement.ConnPool.(*sql.DB); ok && s.dialect == dbx.Postgres {
		if in, els, ok := takePreload(ctx, partyID, guid); ok {
			return in, els, nil
		}
		in, els, err := s.loadPipelined(ctx, pool, partyID, guid)
		if err != nil {
			return Instance{}, nil, wrap("load instance "+guid, err)
		}
		return in, els, nil
	}
	in, err := s.GetInstance(ctx, partyID, guid)
	if err != nil {
		return Instance{}, nil, err
	}
	els, err := s.ListDataElements(ctx, in.ID)
	if err != nil {
		return Instance{}, nil, err
	}
	return in, els, nil
}

// loadPipelined runs LoadInstance's two reads as one pgx batch on a connection
// of pool. A missing instance is gorm.ErrRecordNotFound, as from queryRow.
func (s *Store) loadPipelined(ctx context.Context, pool *sql.DB, partyID int64, guid string) (in Instance, els []DataElement, err error) {
	err = s.runBatch(ctx, pool, func(b *pgx.Batch) {
		b.Queue(getInstanceSQL.postgres, guid, partyID)
		b.Queue(listDataElementsByGUIDSQL.postgres, guid, partyID)
	}, func(br pgx.BatchResults) error { return readLoad(br, &in, &els) })
	return in, els, err
}

// runBatch sends the statements queue adds as one pgx batch on a connection of
// pool and reads their results with read. It returns read's error, or else the
// batch's: after a failed read, closing the batch reports the same error again.
// The batch first waits at the database's gate (dbx.Gate), before it takes a
// connection; a transaction's statements never pass through here.
func (s *Store) runBatch(ctx context.Context, pool *sql.DB, queue func(*pgx.Batch), read func(pgx.BatchResults) error) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Leave()
	return onPgx(ctx, pool, func(pc *pgx.Conn) error {
		var b pgx.Batch
		queue(&b)
		br := pc.SendBatch(ctx, &b)
		err := read(br)
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// onPgx runs fn on pgx's own connection under one connection of pool.
func onPgx(ctx context.Context, pool *sql.DB, fn func(*pgx.Conn) error) error {
	conn, err := pool.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: PostgreSQL connection is a %T, not pgx's", dc)
		}
		return fn(pc.Conn())
	})
}

// readLoad reads the results of an instance read and its elements' read, as
// getInstanceSQL and listDataElementsByGUIDSQL select them. A missing instance is
// gorm.ErrRecordNotFound.
func readLoad(br pgx.BatchResults, in *Instance, els *[]DataElement) error {
	if err := br.QueryRow().Scan(instanceDest(in)...); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return gorm.ErrRecordNotFound
		}
		return err
	}
	rows, err := br.Query()
	if err != nil {
		return err
	}
	defer rows.Close()
	*els = []DataElement{}
	return scanElements(rows, func(d DataElement) { *els = append(*els, d) })
}
