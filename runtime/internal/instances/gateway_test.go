// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestGatewayFailure: when no flow out of a gateway holds for the instance's
// data, process/next fails with ErrAppLogic and gateway_failed, saying where
// the process stopped, and the instance stays where it was.
func TestGatewayFailure(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "signing-test")
		if err := os.CopyFS(dir, os.DirFS(testcorpus.Path(t, "apps", "signing-test"))); err != nil {
			t.Fatal(err)
		}
		bpmn := filepath.Join(dir, "App", "config", "process", "process.bpmn")
		b, err := os.ReadFile(bpmn)
		if err != nil {
			t.Fatal(err)
		}
		// Signing at Task_2 now matches neither flow out of the gateway.
		edited := strings.Replace(string(b), `["notEquals", ["gatewayAction"], "reject"]`, `["equals", ["gatewayAction"], "never"]`, 1)
		if edited == string(b) {
			t.Fatal("the corpus app's gateway condition changed; adjust the test")
		}
		if err := os.WriteFile(bpmn, []byte(edited), 0o600); err != nil {
			t.Fatal(err)
		}
		blobs, host, party := instancetest.Setup(t, db, dir, "310000009", nil)
		svc := New(Options{Store: store.New(db), Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
		if err != nil {
			t.Fatal(err)
		}
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: snap.row.GUID}
		fill := Upload{ContentType: "application/json", Length: -1,
			Body: strings.NewReader(`{"form":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}`)}
		if _, err := svc.ReplaceData(ctx, c, snap, snap.elements[0].GUID, fill); err != nil {
			t.Fatal(err)
		}
		for _, action := range []string{"", "sign"} {
			cur, err := svc.Get(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			_, err = svc.ProcessNext(ctx, c, cur, action, "")
			if action == "" {
				if err != nil {
					t.Fatal(err)
				}
				continue
			}
			var e *Error
			if !errors.Is(err, ErrAppLogic) || !errors.As(err, &e) || e.Code != CodeGatewayFailed || !strings.Contains(e.Detail, "Task_2") {
				t.Fatalf("sign with no way on: %v, want ErrAppLogic %s naming Task_2", err, CodeGatewayFailed)
			}
		}
		if cur, _ := svc.Get(ctx, ref); cur.CurrentTask() != "Task_2" {
			t.Errorf("the instance moved to %q", cur.CurrentTask())
		}
	})
}
