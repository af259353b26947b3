// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestHasPendingAmongMany: HasPending answers right among many pending
// messages of other refs and topics (TestPendingSQLUsesIndex holds its plan).
func TestHasPendingAmongMany(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		st := newStore(t, db)
		for i := range 200 {
			if _, err := st.EnqueueRef(ctx, "webhook", fmt.Sprint(i), []byte(`{}`), time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.EnqueueRef(ctx, "pdf", "inst-1", []byte(`{}`), time.Time{}); err != nil {
			t.Fatal(err)
		}
		for ref, want := range map[string]bool{"inst-1": true, "inst-2": false, "7": false} {
			if got, err := st.HasPending(ctx, ref, "pdf"); err != nil || got != want {
				t.Errorf("HasPending(%s) = %v, %v; want %v", ref, got, err, want)
			}
		}
	})
}
