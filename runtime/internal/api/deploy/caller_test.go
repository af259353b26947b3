// SPDX-License-Identifier: MIT

package deploy_test

import (
	"bytes"
	"net/http"
	"reflect"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/api/deploy"
	"github.com/blankett/blankett/runtime/internal/authz"
)

// TestOnlyOwnOrg: a client with the deploy scope for another org gets 403 on
// every route of ttd's app, and ttd's releases, current version and blobs stay
// as they were; a bundle of ttd's app sent to the other org's own path is
// refused too.
func TestOnlyOwnOrg(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		ttd := bundle(t, "subform-test")
		if r := e.put("ttd/subform-test/releases/v1", e.deployer("ttd"), ttd); r.Status != http.StatusCreated {
			t.Fatalf("deploy: %d %s", r.Status, r.Body)
		}
		before := e.releases("ttd")
		other := e.deployer("digdir")
		v2 := repack(t, "subform-test", "README.md", "digdir was here")
		base := deploy.BasePath + "/ttd/subform-test/releases"
		tests := []struct {
			name, method, path string
			body               []byte
		}{
			{"deploy a new version", http.MethodPut, base + "/v2", v2},
			{"redeploy the version", http.MethodPut, base + "/v1", ttd},
			{"list", http.MethodGet, base, nil},
			{"get", http.MethodGet, base + "/v1", nil},
			{"undeploy", http.MethodDelete, base + "/v1", nil},
			{"purge", http.MethodDelete, base + "/v1?purge=true", nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				apitest.WantProblem(t, e.do(tt.method, tt.path, other, bytes.NewReader(tt.body), "Content-Type", "application/gzip"),
					http.StatusForbidden, deploy.CodeOtherOrg)
			})
		}
		apitest.WantProblem(t, e.put("digdir/subform-test/releases/v1", other, ttd), http.StatusUnprocessableEntity, deploy.CodeBundleAppMismatch)
		if got := e.releases("digdir"); len(got) != 0 {
			t.Errorf("digdir sees releases: %+v", got)
		}
		after := e.releases("ttd")
		if len(after) != 1 || !reflect.DeepEqual(after, before) {
			t.Fatalf("ttd's releases changed: %+v, was %+v", after, before)
		}
		if cur, err := e.host.Current("ttd", "subform-test"); err != nil || cur.Version != "v1" {
			t.Fatalf("current: %v, %v", cur, err)
		}
	})
}

// TestCallerRefusals: the deploy API serves only service owners' machine
// clients holding blankett:deploy.
func TestCallerRefusals(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		person := e.token(authn.Claims{Subject: "1337", UserID: "1337", PartyID: 500, AuthLevel: 2, Scopes: []string{authz.ScopeDeploy}})
		orgClient := e.token(authn.Claims{Subject: "c", OrgNumber: "310000108", ClientID: "c", Scopes: []string{authz.ScopeDeploy}})
		tests := []struct {
			name, token string
			status      int
			code        string
		}{
			{"no token", "", 401, deploy.CodeUnauthenticated},
			{"bad token", "not.a.jwt", 401, "invalid_token"},
			{"person", person, 403, deploy.CodeNotServiceOwner},
			{"organisation that owns no apps", orgClient, 403, deploy.CodeNotServiceOwner},
			{"service owner with instance scopes only", e.deployer("ttd", authz.ScopeServiceOwnerInstancesRead, authz.ScopeServiceOwnerInstancesWrite), 403, deploy.CodeInsufficientScope},
		}
		for _, tt := range tests {
			for _, path := range []string{deploy.BasePath, deploy.BasePath + "/ttd/subform-test/releases/v1"} {
				t.Run(tt.name+" "+path, func(t *testing.T) {
					r := e.do(http.MethodGet, path, tt.token, nil)
					apitest.WantProblem(t, r, tt.status, tt.code)
					if tt.status == http.StatusUnauthorized && r.Header.Get("WWW-Authenticate") == "" {
						t.Error("401 without a WWW-Authenticate challenge")
					}
				})
			}
			t.Run(tt.name+" deploy", func(t *testing.T) {
				apitest.WantProblem(t, e.put("ttd/subform-test/releases/v1", tt.token, bundle(t, "subform-test")), tt.status, tt.code)
			})
		}
		if n := len(e.host.List()); n != 0 {
			t.Fatalf("refused callers deployed %d releases", n)
		}
	})
}
