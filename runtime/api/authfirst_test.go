// SPDX-License-Identifier: MIT

package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// TestUnauthenticatedFirst calls every API route of the matrix without a token and
// with input that is wrong in every way a handler checks (a party id that is no
// number, an unknown instance, no query, a body of the wrong type that is not
// JSON): the answer is 401 before any input check, so an anonymous caller learns
// nothing about what a request would need.
func TestUnauthenticatedFirst(t *testing.T) {
	corpus, ok := testcorpus.Dir()
	if !ok {
		t.Skip("testcorpus not found: the test needs the signing-test app")
	}
	srv := newServer(t, filepath.Join(corpus, "apps", "signing-test"))
	fill := strings.NewReplacer(":org", "ttd", ":app", "signing-test", ":partyId", "x", ":party", "x",
		":guid", "not-a-guid", ":dataGuid", "nope", ":data", "nope", ":version", "v1", ":id", "nope", ":messageId", "nope")
	n := 0
	for _, r := range srv.Engine.Routes() {
		key := r.Method + " " + r.Path
		api := strings.HasPrefix(r.Path, "/:org/:app/instances") || strings.HasPrefix(r.Path, "/storage/api/v1/instances") ||
			strings.HasPrefix(r.Path, "/runtime/api/v1/apps") || strings.HasPrefix(r.Path, "/events/api/v1/")
		if publicRoutes[key] || !api {
			continue
		}
		n++
		t.Run(key, func(t *testing.T) {
			req := httptest.NewRequest(r.Method, fill.Replace(r.Path), strings.NewReader("<not json"))
			req.Header.Set("Content-Type", "text/plain")
			ex := srv.do(req)
			var p struct {
				Code string `json:"code"`
			}
			_ = json.Unmarshal(ex.Body, &p)
			if ex.Status != http.StatusUnauthorized || p.Code == "" {
				t.Errorf("status %d, code %q, want 401 with a code: %.300s", ex.Status, p.Code, ex.Body)
			}
		})
	}
	if n < 25 {
		t.Fatalf("only %d API routes: did the runtime start?", n)
	}
}
