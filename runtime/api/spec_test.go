// SPDX-License-Identifier: MIT

package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/runtime/api"
)

// TestSpecValidates loads the document with kin-openapi, which validates OpenAPI 3.1
// documents (3.1 keywords such as type arrays and const included), and checks the
// house rules every operation must follow.
func TestSpecValidates(t *testing.T) {
	openapitest.HouseRules(t, loadSpec(t))
}

// TestHandler checks that the served document is the embedded one, as YAML.
func TestHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	api.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, api.Path, nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/yaml") ||
		rec.Body.String() != string(api.Spec()) {
		t.Fatalf("status %d, type %q, %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
}
