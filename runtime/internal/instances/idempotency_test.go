// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestIdempotencyKeyBindsContent: a retry with the same Idempotency-Key and
// the same request answers the first instance; the same key with other data
// part content, another file name, other dates or other prefill is refused
// with 409 idempotency_key_reused instead of answered with an instance that
// does not hold what the caller sent.
func TestIdempotencyKeyBindsContent(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000003")
		due := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
		req := func(mod func(*InstantiateRequest), files ...string) InstantiateRequest {
			parts := partList{}
			for _, f := range files {
				parts = append(parts, Part{Name: "ref-data-as-pdf", Upload: pdfUpload(f)})
			}
			r := InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID, IdempotencyKey: "k",
				Parts: &parts, DueBefore: &due}
			if mod != nil {
				mod(&r)
			}
			return r
		}
		first, err := svc.Instantiate(ctx, c, req(nil, "a.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		again, err := svc.Instantiate(ctx, c, req(nil, "a.pdf"))
		if err != nil {
			t.Fatalf("same key, same request: %v", err)
		}
		if again.row.GUID != first.row.GUID {
			t.Fatalf("same key, same request made a second instance %s (first %s)", again.row.GUID, first.row.GUID)
		}
		later := due.Add(time.Hour)
		for _, tc := range []struct {
			name string
			req  InstantiateRequest
		}{
			{"other content", req(nil, "b.pdf")},
			{"one more part", req(nil, "a.pdf", "a.pdf")},
			{"no parts", req(nil)},
			{"other dueBefore", req(func(r *InstantiateRequest) { r.DueBefore = &later }, "a.pdf")},
		} {
			_, err := svc.Instantiate(ctx, c, tc.req)
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeIdempotency {
				t.Errorf("%s: err = %v, want %s", tc.name, err, CodeIdempotency)
			}
		}
		rows, err := st.ListPartyInstances(ctx, c.PartyID, store.Active, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Errorf("%d instances stored, want 1", len(rows))
		}
	})
}

// TestIdempotencyKeyIgnoresWhatTheRuntimeMakes: the digest a key is bound to
// covers what the caller sent, not the forms the first task creates, so a
// retry after a redeploy that changed the model is still the same request;
// and a key stored by an earlier version (bound to app and owner only) still
// answers its retries.
func TestIdempotencyKeyIgnoresWhatTheRuntimeMakes(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000003")
		req := InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID, IdempotencyKey: "template"}
		snap, err := svc.Instantiate(ctx, c, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.elements) == 0 {
			t.Fatal("the first task created no form; the test needs one")
		}
		row, err := st.GetInstance(ctx, c.PartyID, snap.row.GUID)
		if err != nil {
			t.Fatal(err)
		}
		if want := requestHash(snap.Release.ID, req, nil); row.RequestHash != want {
			t.Errorf("the key is bound to %s, want %s (the request without the auto-created form)", row.RequestHash, want)
		}

		// A row an earlier version stored, bound to app and owner only.
		if err := db.Gorm.Exec("UPDATE instances SET request_hash = ? WHERE guid = ?",
			legacyHash(snap.Release.ID, c.PartyID), snap.row.GUID).Error; err != nil {
			t.Fatal(err)
		}
		again, err := svc.Instantiate(ctx, c, req)
		if err != nil {
			t.Fatalf("retry of a key stored by an earlier version: %v", err)
		}
		if again.row.GUID != snap.row.GUID {
			t.Errorf("retry made instance %s, want the first, %s", again.row.GUID, snap.row.GUID)
		}
	})
}

// TestIdempotencyKeyConcurrentRequests: requests with one key and one request
// sent at once all answer the same instance, and one instance is stored, with
// one set of events: the requests that lose the race to insert (their change
// fails on the key's unique index) answer the winner's instance.
func TestIdempotencyKeyConcurrentRequests(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000003")
		req := InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID, IdempotencyKey: "race"}
		const n = 8
		guids, errs := make([]string, n), make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				snap, err := svc.Instantiate(ctx, c, req)
				if errs[i] = err; err == nil {
					guids[i] = snap.row.GUID
				}
			})
		}
		close(start)
		wg.Wait()
		for i := range n {
			if errs[i] != nil || guids[i] != guids[0] {
				t.Errorf("request %d: instance %s, err %v; want instance %s", i, guids[i], errs[i], guids[0])
			}
		}
		rows, err := st.ListPartyInstances(ctx, c.PartyID, store.Active, 2*n)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Fatalf("%d instances stored, want 1", len(rows))
		}
		evs, err := st.ListEvents(ctx, rows[0].GUID, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		created := 0
		for _, e := range evs {
			if e.EventType == EventCreated {
				created++
			}
		}
		if created != 1 {
			t.Errorf("%d Created events, want 1", created)
		}
	})
}
