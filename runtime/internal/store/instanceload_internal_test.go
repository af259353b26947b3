// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

// TestLoadPipelined drives the PostgreSQL batch directly: LoadInstance takes it
// for a store outside a transaction; a cancelled load fails without spoiling
// the pool, and more loads than the pool has connections then all succeed with
// the rows the two separate reads give.
func TestLoadPipelined(t *testing.T) {
	db := dbtest.Postgres(t)
	if _, err := db.Migrate(context.Background(), dbx.MigrationSet{Name: "runtime", Migrations: Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	s := New(db)
	pool, ok := s.g.Statement.ConnPool.(*sql.DB)
	if !ok {
		t.Fatalf("a store's connection pool is a %T: LoadInstance would never pipeline", s.g.Statement.ConnPool)
	}
	ctx := context.Background()
	in, err := s.CreateInstance(ctx, Instance{GUID: uuid.NewString(), PartyID: 7, Org: "ttd", AppID: "ttd/load",
		AppVersion: "v1", CurrentTask: "Task_1", CreatedBy: "1", Document: `{}`}, Idempotency{})
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"a", "b"} {
		g := uuid.NewString()
		if _, err := s.CreateDataElement(ctx, DataElement{GUID: g, InstanceID: in.ID, InstanceGUID: in.GUID, DataType: typ,
			ContentType: "application/xml", BlobKey: BlobKey(in.AppID, in.GUID, g, time.Now()), CreatedBy: "1", Document: `{}`}); err != nil {
			t.Fatal(err)
		}
	}
	wantIn, _ := s.GetInstance(ctx, in.PartyID, in.GUID)
	wantEls, _ := s.ListDataElements(ctx, in.ID)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.loadPipelined(cancelled, pool, in.PartyID, in.GUID); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled load: %v, want context.Canceled", err)
	}
	for i := range 40 { // the pool holds at most 32
		gotIn, gotEls, err := s.loadPipelined(ctx, pool, in.PartyID, in.GUID)
		if err != nil || gotIn.ID != wantIn.ID || gotIn.Document != wantIn.Document || len(gotEls) != len(wantEls) ||
			gotEls[0].GUID != wantEls[0].GUID || gotEls[1].GUID != wantEls[1].GUID {
			t.Fatalf("load %d = %+v, %+v, %v; want %+v, %+v", i, gotIn, gotEls, err, wantIn, wantEls)
		}
	}
	if _, _, err := s.loadPipelined(ctx, pool, in.PartyID+1, in.GUID); !errors.Is(err, gorm.ErrRecordNotFound) {
		t.Fatalf("another party's instance: %v, want gorm.ErrRecordNotFound", err)
	}
	if _, _, err := s.loadPipelined(ctx, pool, in.PartyID, in.GUID); err != nil {
		t.Fatalf("a load after a missing one: %v", err)
	}
}

// TestReadsAheadNeedTheSession runs GetSessionWith's instance reads directly:
// they return the instance and its elements for an existing session's id and
// nothing for an unknown one, so a forged cookie makes the server read no
// instance.
func TestReadsAheadNeedTheSession(t *testing.T) {
	db := dbtest.Postgres(t)
	if _, err := db.Migrate(context.Background(), dbx.MigrationSet{Name: "runtime", Migrations: Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	s := New(db)
	pool := s.g.Statement.ConnPool.(*sql.DB)
	ctx := context.Background()
	p, err := s.CreateParty(ctx, Party{Type: PartyPerson, Name: "Ola"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, User{Username: "ola", PartyID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := s.CreateSession(ctx, NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 2, Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.CreateInstance(ctx, Instance{GUID: uuid.NewString(), PartyID: 7, Org: "ttd", AppID: "ttd/ahead",
		AppVersion: "v1", CurrentTask: "Task_1", CreatedBy: "1", Document: `{}`}, Idempotency{})
	if err != nil {
		t.Fatal(err)
	}
	g := uuid.NewString()
	if _, err := s.CreateDataElement(ctx, DataElement{GUID: g, InstanceID: in.ID, InstanceGUID: in.GUID, DataType: "a",
		ContentType: "application/xml", BlobKey: BlobKey(in.AppID, in.GUID, g, time.Now()), CreatedBy: "1", Document: `{}`}); err != nil {
		t.Fatal(err)
	}
	count := func(q rawSQL, session string) (n int) {
		t.Helper()
		rows, err := pool.QueryContext(ctx, q.postgres, in.GUID, in.PartyID, session)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			n++
		}
		return n
	}
	for _, tt := range []struct {
		session             string
		instances, elements int
	}{{sessionID(token), 1, 1}, {sessionID("forged"), 0, 0}} {
		if got := count(getInstanceWithSessionSQL, tt.session); got != tt.instances {
			t.Errorf("session %.8s…: %d instance rows, want %d", tt.session, got, tt.instances)
		}
		if got := count(listDataElementsWithSessionSQL, tt.session); got != tt.elements {
			t.Errorf("session %.8s…: %d element rows, want %d", tt.session, got, tt.elements)
		}
	}
}
