// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestInstantiateAnswersAsGet: Instantiate builds its answer from the rows it
// wrote instead of reading them back; the snapshot must be the one Get reads —
// document, element rows and the instance row whose version later writes check.
func TestInstantiateAnswersAsGet(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := SetupSigningTest(t, db, "310000003", nil)
		svc := New(Options{Store: store.New(db), Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		for _, key := range []string{"", "idem-1", "idem-1"} { // the last is a retry, answered by Get
			snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID, IdempotencyKey: key})
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.elements) != 1 {
				t.Fatalf("instantiation made %d elements, want 1", len(snap.elements))
			}
			got, err := svc.Get(ctx, Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []struct {
				what         string
				answer, read any
			}{{"document", snap.Instance, got.Instance}, {"instance row", snap.row, got.row}, {"element rows", snap.elements, got.elements}} {
				a, _ := json.Marshal(v.answer)
				r, _ := json.Marshal(v.read)
				if string(a) != string(r) {
					t.Errorf("key %q: %s answered\n%s\nread back\n%s", key, v.what, a, r)
				}
			}
			if snap.Release != got.Release {
				t.Errorf("key %q: answered release %s@%s, read %s@%s", key, snap.Release.ID, snap.Release.Version, got.Release.ID, got.Release.Version)
			}
		}
	})
}
