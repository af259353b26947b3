// SPDX-License-Identifier: MIT

package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	api "github.com/blankett/blankett/studio/api"
)

// TestReleaseExchangesMatchSpec drives the release and deploy routes on a studio
// without a runtime beside it, so every deploy fails at the runtime (502) and is
// recorded; the successful deploy path is cmd/blankett's TestStudioReleaseDeploy.
func TestReleaseExchangesMatchSpec(t *testing.T) {
	s := newServer(t)
	f := &flow{t: t, s: s, v: openapitest.NewValidator(t, openapitest.Load(t, api.Spec()))}
	const app = "/studio/api/v1/orgs/ttd/apps/rel"
	dev := func(r *http.Request) *http.Request { r.SetBasicAuth("dev", devPassword); return r }
	kari := func(r *http.Request) *http.Request { r.SetBasicAuth("kari", "karis long password"); return r }

	f.call(dev(jsonRequest("POST", "/studio/api/v1/orgs/ttd/apps", map[string]string{"name": "rel"})), 201, "", false)
	f.call(dev(jsonRequest("GET", app+"/releases", nil)), 200, "", false)
	f.call(dev(jsonRequest("POST", app+"/releases", map[string]string{"version": "v1"})), 201, "", false)
	f.call(dev(jsonRequest("POST", app+"/releases", map[string]string{"version": "v1"})), 409, "version_exists", false)
	f.call(dev(jsonRequest("POST", app+"/releases", map[string]string{"version": "latest"})), 400, "invalid_input", true)
	f.call(dev(jsonRequest("POST", app+"/releases", map[string]string{"version": "v2", "ref": "nope"})), 404, "not_found", false)
	f.call(dev(jsonRequest("POST", app+"/releases", map[string]any{"version": "v2", "x": 1})), 400, "invalid_json", true)
	f.call(dev(jsonRequest("GET", app+"/releases", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/releases/v1", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/releases/v9", nil)), 404, "not_found", false)

	ex := f.call(dev(jsonRequest("POST", app+"/environments/test/deploys", map[string]string{"version": "v1"})), 502, "deploy_failed", false)
	if strings.Contains(string(ex.Body), devPassword) {
		t.Fatalf("problem leaks a secret: %s", ex.Body)
	}
	f.call(dev(jsonRequest("POST", app+"/environments/staging/deploys", map[string]string{"version": "v1"})), 404, "not_found", false)
	f.call(dev(jsonRequest("POST", app+"/environments/test/deploys", map[string]string{"version": "v9"})), 404, "not_found", false)
	f.call(dev(jsonRequest("DELETE", app+"/environments/test/releases/v1", nil)), 502, "deploy_failed", false)
	f.call(dev(jsonRequest("GET", app+"/environments", nil)), 200, "", false)
	ex = f.call(dev(jsonRequest("GET", app+"/deploys", nil)), 200, "", false)
	if n := strings.Count(string(ex.Body), `"status":"failed"`); n != 2 {
		t.Fatalf("deploys = %s, want 2 failed", ex.Body)
	}

	// Kari in Devs may release but not deploy; outsiders see nothing.
	f.call(dev(jsonRequest("POST", "/studio/api/v1/users", map[string]any{"username": "kari", "password": "karis long password"})), 201, "", false)
	f.call(dev(jsonRequest("PUT", "/studio/api/v1/orgs/ttd/teams/Devs/members/kari", nil)), 204, "", false)
	f.call(kari(jsonRequest("POST", app+"/releases", map[string]string{"version": "v2"})), 201, "", false)
	f.call(kari(jsonRequest("POST", app+"/environments/production/deploys", map[string]string{"version": "v2"})), 403, "forbidden", false)
	f.call(kari(jsonRequest("DELETE", app+"/environments/test/releases/v1", nil)), 403, "forbidden", false)
	ex = f.call(dev(jsonRequest("GET", app+"/deploys", nil)), 200, "", false)
	if n := strings.Count(string(ex.Body), `"id":`); n != 2 {
		t.Fatalf("refused deploys were recorded: %s", ex.Body)
	}
	f.call(dev(jsonRequest("DELETE", "/studio/api/v1/orgs/ttd/teams/Devs/members/kari", nil)), 204, "", false)
	f.call(kari(jsonRequest("GET", app+"/releases", nil)), 404, "not_found", false)
	f.call(jsonRequest("GET", app+"/releases", nil), 401, "login_required", false)
}
