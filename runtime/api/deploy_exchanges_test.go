// SPDX-License-Identifier: MIT

package api_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/runtime/client"
	"github.com/getkin/kin-openapi/openapi3filter"
)

func init() {
	openapi3filter.RegisterBodyDecoder("application/gzip", openapi3filter.FileBodyDecoder)
}

// TestDeployExchangesMatchSpec drives the deploy API of the started runtime with a
// machine client registered for ttd with blankett:deploy, its token fetched by the
// JWT grant as any client would, and validates every exchange against the document.
func TestDeployExchangesMatchSpec(t *testing.T) {
	corpus, ok := testcorpus.Dir()
	if !ok {
		t.Skip("shared/corpus not found: no app to deploy")
	}
	v := openapitest.NewValidator(t, loadSpec(t))
	srv := newServer(t)
	tok := clientToken(t, srv, "ttd-ci", "ttd", client.ScopeDeploy)
	pack := func(app string) []byte {
		b, err := client.PackDir(corpus + "/apps/" + app)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	good, lintErrors := pack("signing-test"), pack("payment-test")
	const rel = "/runtime/api/v1/apps/ttd/signing-test/releases"
	req := func(method, path string, body []byte, header ...string) func() *http.Request {
		return func() *http.Request {
			var r *http.Request
			if body != nil {
				r = httptest.NewRequest(method, path, bytes.NewReader(body))
			} else {
				r = httptest.NewRequest(method, path, nil)
			}
			if !strings.HasPrefix(path, "/runtime/api/v1/apps?anon") {
				r.Header.Set("Authorization", "Bearer "+tok)
			}
			for i := 0; i+1 < len(header); i += 2 {
				r.Header.Set(header[i], header[i+1])
			}
			return r
		}
	}
	gz := []string{"Content-Type", "application/gzip"}
	steps := []struct {
		name        string
		req         func() *http.Request
		status      int
		code        string
		skipRequest bool
	}{
		{"list without a token", req(http.MethodGet, "/runtime/api/v1/apps?anon", nil), 401, "unauthenticated", true},
		{"list, nothing deployed", req(http.MethodGet, "/runtime/api/v1/apps", nil), 200, "", false},
		{"deploy", req(http.MethodPut, rel+"/v1", good, gz...), 201, "", false},
		{"deploy the same bundle again", req(http.MethodPut, rel+"/v1", good, gz...), 200, "", false},
		{"deploy a bundle that is not gzip", req(http.MethodPut, rel+"/v2", []byte("plain"), gz...), 400, "invalid_bundle", false},
		{"deploy an app with lint errors", req(http.MethodPut, "/runtime/api/v1/apps/ttd/payment-test/releases/v1", lintErrors, gz...), 422, "invalid_app", false},
		{"deploy another org's app", req(http.MethodPut, "/runtime/api/v1/apps/digdir/signing-test/releases/v1", good, gz...), 403, "forbidden", false},
		{"deploy as text", req(http.MethodPut, rel+"/v2", good, "Content-Type", "text/plain"), 415, "unsupported_content_type", true},
		{"list own", req(http.MethodGet, "/runtime/api/v1/apps", nil), 200, "", false},
		{"list the app", req(http.MethodGet, rel, nil), 200, "", false},
		{"get", req(http.MethodGet, rel+"/v1", nil), 200, "", false},
		{"get a version not deployed", req(http.MethodGet, rel+"/v9", nil), 404, "release_not_found", false},
		{"purge while active", req(http.MethodDelete, rel+"/v1?purge=true", nil), 409, "release_active", false},
		{"undeploy", req(http.MethodDelete, rel+"/v1", nil), 204, "", false},
		{"purge", req(http.MethodDelete, rel+"/v1?purge=true", nil), 204, "", false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			ex := srv.do(s.req())
			if ex.Status != s.status {
				t.Fatalf("status %d, want %d: %.600s", ex.Status, s.status, ex.Body)
			}
			if s.code != "" && !bytes.Contains(ex.Body, []byte(`"code":"`+s.code+`"`)) {
				t.Errorf("problem code is not %q: %.300s", s.code, ex.Body)
			}
			v.Check(t, ex, s.skipRequest)
		})
	}
}
