// SPDX-License-Identifier: MIT

package instances_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestConfirmWaitsForPDF: with a PDF job of the instance pending, the first
// confirmation is pdf_pending only where the runtime prints PDFs (WaitPDF, and
// PDFs not off); elsewhere nothing would ever end the job, so it confirms.
func TestConfirmWaitsForPDF(t *testing.T) {
	tests := []struct {
		name         string
		wait, off    bool
		wantRefusal  bool
		finishBefore bool
	}{
		{name: "prints PDFs", wait: true, wantRefusal: true},
		{name: "prints PDFs, job done", wait: true, finishBefore: true},
		{name: "no PDF worker", wait: false},
		{name: "PDFs off", wait: true, off: true},
	}
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instances.SetupSigningTest(t, db, "310000010", nil)
		st := store.New(db)
		user := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		owner := authz.Caller{Kind: authz.ServiceOwner, Org: "ttd", AuthLevel: 3}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				svc := instances.New(instances.Options{Store: st, Blobs: blobs, Apps: host, WaitPDF: tt.wait, NoPDF: tt.off})
				snap, err := svc.Instantiate(ctx, user, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
				if err != nil {
					t.Fatal(err)
				}
				_, guid, _ := strings.Cut(snap.Instance.ID, "/")
				// The job a task end queues, whatever the service's own settings.
				job, err := st.EnqueueRef(ctx, instances.TopicPDF, guid, []byte(`{}`), time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				if tt.finishBefore {
					if _, err := st.Claim(ctx, 100, "w", time.Minute, instances.TopicPDF); err != nil {
						t.Fatal(err)
					}
					if err := st.Complete(ctx, job.ID, "w"); err != nil {
						t.Fatal(err)
					}
				}
				_, err = svc.ConfirmComplete(ctx, owner, snap)
				var ie *instances.Error
				refused := errors.As(err, &ie) && ie.Code == instances.CodePDFPending && errors.Is(err, instances.ErrConflict)
				if refused != tt.wantRefusal || (err != nil && !refused) {
					t.Fatalf("ConfirmComplete: %v, want refused %v", err, tt.wantRefusal)
				}
			})
		}
	})
}
