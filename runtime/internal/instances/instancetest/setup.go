// SPDX-License-Identifier: MIT

package instancetest

import (
	"context"
	"testing"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/store"
)

// Setup migrates db, opens a file blob store in a temp dir (wrapped by wrap,
// when set, for tests that watch blob reads), loads the app in dir (a corpus app
// or a changed copy of one) and creates the organisation party orgNo.
func Setup(t testing.TB, db *dbx.DB, dir, orgNo string, wrap func(blob.Store) blob.Store) (blob.Store, *apphost.Host, store.Party) {
	t.Helper()
	ctx := context.Background()
	set := dbx.MigrationSet{Name: "runtime", Migrations: append(store.Migrations(), apphost.Migrations()...)}
	if _, err := db.Migrate(ctx, set, nil); err != nil {
		t.Fatal(err)
	}
	fs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var blobs blob.Store = fs
	if wrap != nil {
		blobs = wrap(blobs)
	}
	host := apphost.New(db, blobs)
	if _, err := host.LoadDir(ctx, dir); err != nil {
		t.Fatal(err)
	}
	party, err := store.New(db).CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &orgNo, Name: "Test AS"})
	if err != nil {
		t.Fatal(err)
	}
	return blobs, host, party
}
