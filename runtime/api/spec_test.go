// SPDX-License-Identifier: MIT

package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/runtime/api"
)

// TestSpecValidates loads the document with kin-openapi, which validates OpenAPI 3.1
// documents (3.1 keywords such as type arrays and const included), and checks the
// house rules every operation must follow.
func TestSpecValidates(t *testing.T) {
	doc := loadSpec(t)
	if !doc.IsOpenAPI31OrLater() || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	tags := map[string]bool{}
	for _, tag := range doc.Tags {
		tags[tag.Name] = true
	}
	ids := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			tests := []struct {
				name string
				ok   bool
			}{
				{"has an operationId", op.OperationID != ""},
				{"has a summary", op.Summary != ""},
				{"has one declared tag", len(op.Tags) == 1 && tags[op.Tags[0]]},
				{"declares a success response", hasSuccess(op.Responses.Map())},
			}
			for _, tt := range tests {
				if !tt.ok {
					t.Errorf("%s: not %s", where, tt.name)
				}
			}
			if prev, dup := ids[op.OperationID]; dup {
				t.Errorf("%s: operationId %s also used by %s", where, op.OperationID, prev)
			}
			ids[op.OperationID] = where
		}
	}
}

// hasSuccess reports whether responses declare a 2xx or 3xx status.
func hasSuccess[V any](responses map[string]V) bool {
	for code := range responses {
		if code[0] == '2' || code[0] == '3' {
			return true
		}
	}
	return false
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
