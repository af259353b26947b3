// SPDX-License-Identifier: MIT

package deploy_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/api/deploy"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// TestUndeployAndPurge walks a release's end: undeploy (twice), the previous
// version current again, purge refused while active or pinned, then purged.
func TestUndeployAndPurge(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.deployer("ttd")
		for v, b := range map[string][]byte{"v1": bundle(t, "subform-test"), "v2": repack(t, "subform-test", "README.md", "v2")} {
			if r := e.put("ttd/subform-test/releases/"+v, tok, b); r.Status != http.StatusCreated {
				t.Fatalf("deploy %s: %d %s", v, r.Status, r.Body)
			}
		}
		rel := deploy.BasePath + "/ttd/subform-test/releases/"
		current := func() string {
			for _, r := range e.releases("ttd") {
				if r.Current {
					return r.Version
				}
			}
			return ""
		}
		latest := current()
		previous := map[string]string{"v1": "v2", "v2": "v1"}[latest]

		apitest.WantProblem(t, e.do(http.MethodDelete, rel+latest+"?purge=true", tok, nil), http.StatusConflict, deploy.CodeReleaseActive)
		apitest.WantProblem(t, e.do(http.MethodDelete, rel+latest+"?purge=maybe", tok, nil), http.StatusBadRequest, deploy.CodeInvalidQuery)
		for range 2 {
			if r := e.do(http.MethodDelete, rel+latest, tok, nil); r.Status != http.StatusNoContent {
				t.Fatalf("undeploy: %d %s", r.Status, r.Body)
			}
		}
		if got := current(); got != previous {
			t.Fatalf("after undeploying %s the current version is %q, want %s", latest, got, previous)
		}

		// An instance created with the undeployed version keeps it from being purged.
		in := store.Instance{GUID: uuid.NewString(), PartyID: 500, Org: "ttd", AppID: "ttd/subform-test", AppVersion: latest,
			CurrentTask: "Task_1", CreatedBy: "1337", Document: `{}`}
		saved, err := e.store.CreateInstance(context.Background(), in, store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		apitest.WantProblem(t, e.do(http.MethodDelete, rel+latest+"?purge=true", tok, nil), http.StatusConflict, deploy.CodeReleaseInUse)
		if _, err := e.host.Get("ttd", "subform-test", latest); err != nil {
			t.Fatalf("a refused purge removed the release: %v", err)
		}
		if err := e.store.DeleteInstance(context.Background(), saved.ID); err != nil {
			t.Fatal(err)
		}
		if r := e.do(http.MethodDelete, rel+latest+"?purge=true", tok, nil); r.Status != http.StatusNoContent {
			t.Fatalf("purge: %d %s", r.Status, r.Body)
		}
		apitest.WantProblem(t, e.do(http.MethodGet, rel+latest, tok, nil), http.StatusNotFound, deploy.CodeReleaseNotFound)
		apitest.WantProblem(t, e.do(http.MethodDelete, rel+latest, tok, nil), http.StatusNotFound, deploy.CodeReleaseNotFound)
		if rels := e.releases("ttd"); len(rels) != 1 || rels[0].Version != previous || !rels[0].Current {
			t.Fatalf("after purge: %+v", rels)
		}
	})
}
