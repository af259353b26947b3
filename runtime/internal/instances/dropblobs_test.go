// SPDX-License-Identifier: MIT

package instances_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"gorm.io/gorm"
)

// errLostCommit is what a driver reports when the connection drops after the
// server has applied COMMIT: the caller sees an error, the rows are there.
var errLostCommit = errors.New("connection lost during commit")

// lyingPool wraps a gorm connection pool; while armed, every transaction commits
// and then reports errLostCommit.
type lyingPool struct {
	gorm.ConnPool
	armed *atomic.Bool
}

func (p *lyingPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	var (
		tx  gorm.ConnPool
		err error
	)
	switch b := p.ConnPool.(type) {
	case gorm.TxBeginner:
		tx, err = b.BeginTx(ctx, opts)
	case gorm.ConnPoolBeginner:
		tx, err = b.BeginTx(ctx, opts)
	default:
		return nil, fmt.Errorf("pool %T cannot begin", p.ConnPool)
	}
	if err != nil {
		return nil, err
	}
	return &lyingTx{ConnPool: tx, armed: p.armed}, nil
}

type lyingTx struct {
	gorm.ConnPool
	armed *atomic.Bool
}

func (t *lyingTx) Commit() error {
	if err := t.ConnPool.(gorm.TxCommitter).Commit(); err != nil || !t.armed.Load() {
		return err
	}
	return errLostCommit
}

func (t *lyingTx) Rollback() error { return t.ConnPool.(gorm.TxCommitter).Rollback() }

// TestCommittedRowKeepsBlob covers DESIGN §5 "never a row that points to a
// missing blob" when a transaction commits but reports an error: the service
// must not delete the blob the committed row points at.
func TestCommittedRowKeepsBlob(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instances.SetupSigningTest(t, db, "310000001", nil)
		armed := new(atomic.Bool)
		g := db.Gorm.Session(&gorm.Session{NewDB: true})
		g.Statement.ConnPool = &lyingPool{ConnPool: g.Statement.ConnPool, armed: armed}
		svc := instances.New(instances.Options{Store: store.New(&dbx.DB{Gorm: g, Dialect: db.Dialect}), Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		// Binary elements of the signature types (ref-data-as-pdf is read-only);
		// the service leaves their allowedContributors to the API.
		sig := func() instances.Upload {
			return instances.Upload{ContentType: "application/json", Filename: "s.json", Length: -1, Body: bytes.NewReader([]byte(`{"signed":true}`))}
		}

		armed.Store(true)
		if _, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID}); !errors.Is(err, errLostCommit) {
			t.Fatalf("Instantiate with a lost commit: err = %v, want %v", err, errLostCommit)
		}
		armed.Store(false)
		checkRowsHaveBlobs(t, db, blobs, 1)

		snap, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
		if err != nil {
			t.Fatal(err)
		}
		armed.Store(true)
		if _, err := svc.CreateData(ctx, c, snap, "signature1", sig()); !errors.Is(err, errLostCommit) {
			t.Fatalf("CreateData with a lost commit: err = %v, want %v", err, errLostCommit)
		}
		armed.Store(false)
		checkRowsHaveBlobs(t, db, blobs, 3)

		ref := instances.Ref{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: snap.Instance.ID[strings.Index(snap.Instance.ID, "/")+1:]}
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		var sigID string
		for _, d := range snap.Instance.Data {
			if d.DataType == "signature1" {
				sigID = d.ID
			}
		}
		if sigID == "" {
			t.Fatal("the committed signature1 element is missing")
		}
		armed.Store(true)
		if _, err := svc.ReplaceData(ctx, c, snap, sigID, sig()); !errors.Is(err, errLostCommit) {
			t.Fatalf("ReplaceData with a lost commit: err = %v, want %v", err, errLostCommit)
		}
		armed.Store(false)
		checkRowsHaveBlobs(t, db, blobs, 3)

		// A transaction that really failed still cleans up: the blob of a
		// rejected element is gone, so nothing is left for the sweeper.
		var before int
		_ = blobs.List(ctx, "", func(blob.Info) error { before++; return nil })
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		if err := db.Gorm.Exec("DROP TABLE instance_events").Error; err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CreateData(ctx, c, snap, "signature2", sig()); err == nil {
			t.Fatal("CreateData without an events table succeeded")
		}
		var after int
		_ = blobs.List(ctx, "", func(blob.Info) error { after++; return nil })
		if after != before {
			t.Errorf("blobs after a failed transaction = %d, want %d (the new blob dropped)", after, before)
		}
	})
}

// checkRowsHaveBlobs asserts that there are want data element rows and that each
// one's blob exists.
func checkRowsHaveBlobs(t *testing.T, db *dbx.DB, blobs blob.Store, want int) {
	t.Helper()
	var keys []string
	if err := db.Gorm.Raw("SELECT blob_key FROM data_elements").Scan(&keys).Error; err != nil {
		t.Fatal(err)
	}
	if len(keys) != want {
		t.Errorf("data element rows = %d, want %d", len(keys), want)
	}
	for _, k := range keys {
		if _, err := blobs.Stat(context.Background(), k); err != nil {
			t.Errorf("row points at blob %s: %v", strings.TrimSpace(k), err)
		}
	}
}
