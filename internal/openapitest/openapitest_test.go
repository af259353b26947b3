// SPDX-License-Identifier: MIT

package openapitest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/gin-gonic/gin"
)

const doc = `openapi: 3.1.0
info: {title: t, version: "1"}
tags: [{name: a}]
paths:
  /things/{id}:
    get:
      tags: [a]
      operationId: getThing
      summary: A thing.
      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, required: [name], properties: {name: {type: string}}}
`

func TestSpecPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/studio/api/v1/orgs/:org/teams/:team", "/studio/api/v1/orgs/{org}/teams/{team}"},
		{"/:org/:app/instances/:party/:guid", "/{org}/{app}/instances/{party}/{guid}"},
		{"/storage/api/v1/instances/:partyId/:guid/data/:dataGuid", "/storage/api/v1/instances/{partyId}/{guid}/data/{dataGuid}"},
		{"/devidp/*rest", "/devidp/{rest}"},
	}
	for _, tt := range tests {
		if got := openapitest.SpecPath(tt.in); got != tt.want {
			t.Errorf("SpecPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestValidatorRejects makes sure the validator can fail.
func TestValidatorRejects(t *testing.T) {
	v := openapitest.NewValidator(t, openapitest.Load(t, []byte(doc)))
	js := http.Header{"Content-Type": {"application/json"}}
	tests := []struct {
		name, path string
		status     int
		body       string
	}{
		{"missing field", "/things/1", 200, `{}`},
		{"undocumented status", "/things/1", 404, `{"name":"x"}`},
		{"bad parameter", "/things/x", 200, `{"name":"x"}`},
		{"no such path", "/other", 200, `{}`},
	}
	for _, tt := range tests {
		ex := openapitest.Exchange{Req: httptest.NewRequest(http.MethodGet, tt.path, nil), Status: tt.status, Header: js, Body: []byte(tt.body)}
		if err := v.Validate(ex, false); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	ok := openapitest.Exchange{Req: httptest.NewRequest(http.MethodGet, "/things/1", nil), Status: 200, Header: js, Body: []byte(`{"name":"x"}`)}
	if err := v.Validate(ok, false); err != nil {
		t.Errorf("valid exchange refused: %v", err)
	}
}

// TestRoutesMatch checks that a missing or extra route is reported.
func TestRoutesMatch(t *testing.T) {
	d := openapitest.Load(t, []byte(doc))
	openapitest.HouseRules(t, d)
	good := gin.RoutesInfo{{Method: "GET", Path: "/things/:id"}, {Method: "GET", Path: "/ui/*rest"}}
	if n := openapitest.RoutesMatch(t, d, good, func(p string) bool { return p == "/ui/*rest" }); n != 1 {
		t.Fatalf("compared %d routes", n)
	}
	for _, routes := range []gin.RoutesInfo{{}, {{Method: "GET", Path: "/things/:id"}, {Method: "POST", Path: "/things/:id"}}} {
		rec := &recorder{}
		openapitest.RoutesMatch(rec, d, routes, nil)
		if !rec.failed {
			t.Errorf("routes %v: mismatch not reported", routes)
		}
	}
}

// recorder notes failures instead of failing the real test; RoutesMatch calls only
// the methods it overrides.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Error(...any)          { r.failed = true }
func (r *recorder) Errorf(string, ...any) { r.failed = true }
