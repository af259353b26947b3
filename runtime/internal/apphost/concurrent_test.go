// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestGetDuringDeploy reads releases from several goroutines while versions are
// deployed and undeployed; run with -race. A reader must always see a complete
// release: the pinned version, and a current version that is one of the deployed.
func TestGetDuringDeploy(t *testing.T) {
	e := newEnv(t, dbtest.SQLite(t))
	h := e.host(t)
	ctx := context.Background()
	files := corpusFiles(t, "subform-test")
	v0, err := h.Deploy(ctx, bytes.NewReader(pack(t, files)), DeployMeta{Version: "v0"})
	if err != nil {
		t.Fatal(err)
	}
	bundles := make([][]byte, 3)
	for i := range bundles {
		files["README.md"] = fmt.Appendf(nil, "version %d", i+1)
		bundles[i] = pack(t, files)
	}

	var done atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for !done.Load() {
				got, err := h.Get("ttd", "subform-test", "v0")
				if err != nil || got != v0 {
					t.Errorf("pinned Get = %v, %v", got, err)
					return
				}
				cur, err := h.Current("ttd", "subform-test")
				if err != nil || cur.App == nil || cur.Validator == nil {
					t.Errorf("Current = %v, %v", cur, err)
					return
				}
				_ = h.List()
				reads.Add(1)
			}
		})
	}
	for i, b := range bundles {
		if _, err := h.Deploy(ctx, bytes.NewReader(b), DeployMeta{Version: fmt.Sprintf("v%d", i+1)}); err != nil {
			t.Error(err)
		}
	}
	if err := h.Undeploy(ctx, "ttd", "subform-test", "v3"); err != nil {
		t.Error(err)
	}
	done.Store(true)
	wg.Wait()
	if cur, err := h.Current("ttd", "subform-test"); err != nil || cur.Version != "v2" {
		t.Fatalf("Current = %v, %v; want v2", cur, err)
	}
	if reads.Load() == 0 {
		t.Fatal("readers never ran")
	}
	// Concurrent deploys of one version with different bytes: exactly one wins.
	var wins atomic.Int32
	files["README.md"] = []byte("race")
	race := [][]byte{pack(t, files), bundles[0]}
	for i := range 2 {
		wg.Go(func() {
			_, err := h.Deploy(ctx, bytes.NewReader(race[i]), DeployMeta{Version: "v9"})
			switch {
			case err == nil:
				wins.Add(1)
			case !errors.Is(err, ErrConflict):
				t.Errorf("losing deploy: %v", err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Fatalf("%d concurrent deploys of v9 won, want 1", wins.Load())
	}
}
