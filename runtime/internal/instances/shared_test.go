// SPDX-License-Identifier: MIT

package instances_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestSharedEmptyFormData covers the shared blob of auto-created form data: new
// instances point at one content-addressed blob instead of writing one each; a
// save writes a per-instance blob under a new key; neither replacing the last
// element that points at the shared blob nor hard-deleting an instance removes
// it, so instances created later still read their form data.
func TestSharedEmptyFormData(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instances.SetupSigningTest(t, db, "310000002", nil)
		st := store.New(db)
		svc := instances.New(instances.Options{Store: st, Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		create := func() (*instances.Snapshot, instances.DataElement) {
			t.Helper()
			snap, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.Instance.Data) != 1 {
				t.Fatalf("new instance has %d data elements, want the one auto-created", len(snap.Instance.Data))
			}
			return snap, snap.Instance.Data[0]
		}
		// key is where an element's content is stored (its row's key; the
		// document shows Altinn's path).
		key := func(d instances.DataElement) string {
			t.Helper()
			row, err := st.GetDataElement(ctx, d.InstanceGUID, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			return row.BlobKey
		}
		read := func(snap *instances.Snapshot, d instances.DataElement) []byte {
			t.Helper()
			content, err := svc.ReadData(ctx, snap, d.ID, false)
			if err != nil {
				t.Fatalf("read %s (blob %s): %v", d.ID, key(d), err)
			}
			defer content.Body.Close()
			b, err := io.ReadAll(content.Body)
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != d.ContentHash || int64(len(b)) != d.Size {
				t.Errorf("element %s: content (%d bytes) does not match its row (%d bytes, %s)", d.ID, len(b), d.Size, d.ContentHash)
			}
			return b
		}

		a, da := create()
		b, db2 := create()
		shared := key(da)
		if !store.IsSharedBlobKey(shared) || shared != key(db2) {
			t.Fatalf("auto-created elements point at %s and %s, want one shared key", shared, key(db2))
		}
		if n := countBlobs(t, blobs, "ttd/signing-test/"); n != 1 {
			t.Errorf("blobs after two instantiations = %d, want 1 (the shared one)", n)
		}
		empty := read(a, da)
		if len(empty) == 0 {
			t.Fatal("the empty form data is empty")
		}

		if _, err := svc.DeleteInstance(ctx, c, b, true); err != nil {
			t.Fatal(err)
		}
		// A's element is now the last that points at the shared blob.
		saved, err := svc.ReplaceData(ctx, c, a, da.ID, instances.Upload{ContentType: da.ContentType, Length: -1, Body: bytes.NewReader(empty)})
		if err != nil {
			t.Fatal(err)
		}
		if k := key(*saved); k == shared || store.IsSharedBlobKey(k) || !strings.HasPrefix(k, "ttd/signing-test/data/") {
			t.Errorf("a save wrote to %s, want a key of its own", k)
		}
		if _, err := blobs.Stat(ctx, shared); err != nil {
			t.Fatalf("shared blob after the last element pointing at it was replaced: %v", err)
		}

		cs, dc := create()
		if got := read(cs, dc); !bytes.Equal(got, empty) {
			t.Errorf("a later instance reads %q, want %q", got, empty)
		}
	})
}

func countBlobs(t *testing.T, s blob.Store, prefix string) int {
	t.Helper()
	n := 0
	if err := s.List(context.Background(), prefix, func(blob.Info) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
