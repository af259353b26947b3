// SPDX-License-Identifier: MIT

package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/studio/api"
)

// TestSpecValidates loads the document with kin-openapi (which validates OpenAPI 3.1)
// and checks the house rules every operation must follow.
func TestSpecValidates(t *testing.T) {
	openapitest.HouseRules(t, openapitest.Load(t, api.Spec()))
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

// excluded reports routes the document leaves out on purpose: the designer UI's
// pages and assets, and the dev IdP (an OpenID Provider for development only, with its
// own protocol documents), and git smart HTTP (git's protocol, not JSON).
func excluded(ginPath string) bool {
	return ginPath == "/studio" || ginPath == "/studio/" || ginPath == "/studio/:page" || ginPath == "/studio/:page/*rest" ||
		strings.HasPrefix(ginPath, "/studio/devidp/") || ginPath == "/repos/*path"
}

// TestRoutesMatchSpec checks that every route the started studio registers is in the
// document and every operation in it is a route.
func TestRoutesMatchSpec(t *testing.T) {
	s := newServer(t)
	n := openapitest.RoutesMatch(t, openapitest.Load(t, api.Spec()), s.Engine.Routes(), excluded)
	if n < 15 {
		t.Fatalf("only %d routes: did the role start?", n)
	}
}

// TestUIRoutes checks that the designer UI still answers beside the API, and that an
// unknown API path is a problem, not the UI's page.
func TestUIRoutes(t *testing.T) {
	s := newServer(t)
	tests := []struct {
		path   string
		status int
		ctype  string
	}{
		{"/studio", http.StatusMovedPermanently, ""},
		{"/studio/", http.StatusOK, "text/html"},
		{"/studio/dashboard", http.StatusOK, "text/html"},
		{"/studio/ttd/app/ui-editor", http.StatusOK, "text/html"},
		{"/studio/api/v1/nope", http.StatusNotFound, "application/problem+json"},
		{"/studio/api", http.StatusNotFound, "application/problem+json"},
		{"/studio/api/openapi.yaml", http.StatusOK, "application/yaml"},
		{"/studio/devidp/.well-known/openid-configuration", http.StatusOK, "application/json"},
	}
	for _, tt := range tests {
		ex := s.do(httptest.NewRequest(http.MethodGet, tt.path, nil))
		if ex.Status != tt.status || !strings.HasPrefix(ex.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, ex.Status, ex.Header.Get("Content-Type"), tt.status, tt.ctype)
		}
	}
}
