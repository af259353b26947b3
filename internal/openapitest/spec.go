// SPDX-License-Identifier: MIT

package openapitest

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"
)

// Load parses and validates an OpenAPI document, failing t when either fails.
func Load(t testing.TB, spec []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate OpenAPI document: %v", err)
	}
	return doc
}

// HouseRules checks that doc is OpenAPI 3.1.0 and that every operation has a unique
// operationId, a summary, exactly one declared tag and a success (2xx or 3xx) response.
func HouseRules(t testing.TB, doc *openapi3.T) {
	t.Helper()
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	tags := map[string]bool{}
	for _, tag := range doc.Tags {
		tags[tag.Name] = true
	}
	ids := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			switch {
			case op.OperationID == "":
				t.Errorf("%s: no operationId", where)
			case op.Summary == "":
				t.Errorf("%s: no summary", where)
			case len(op.Tags) != 1 || !tags[op.Tags[0]]:
				t.Errorf("%s: want one declared tag, have %v", where, op.Tags)
			case !hasSuccess(op.Responses.Map()):
				t.Errorf("%s: no 2xx or 3xx response", where)
			}
			if prev, dup := ids[op.OperationID]; dup && op.OperationID != "" {
				t.Errorf("%s: operationId %s also used by %s", where, op.OperationID, prev)
			}
			ids[op.OperationID] = where
		}
	}
}

func hasSuccess[V any](responses map[string]V) bool {
	for code := range responses {
		if code[0] == '2' || code[0] == '3' {
			return true
		}
	}
	return false
}

// ginParam matches a gin path parameter (":name") or catch-all ("*name").
var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

// SpecPath turns a gin route path into an OpenAPI path template.
func SpecPath(ginPath string) string { return ginParam.ReplaceAllString(ginPath, "{$1}") }

// RoutesMatch checks both directions: every route in routes (but those excluded
// reports) is an operation in doc, and every operation is a route. It returns the
// number of routes compared.
func RoutesMatch(t testing.TB, doc *openapi3.T, routes gin.RoutesInfo, excluded func(ginPath string) bool) int {
	t.Helper()
	have := map[string]bool{}
	for _, r := range routes {
		if excluded == nil || !excluded(r.Path) {
			have[r.Method+" "+SpecPath(r.Path)] = true
		}
	}
	ops := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			ops[method+" "+path] = true
		}
	}
	var bad []string
	for k := range have {
		if !ops[k] {
			bad = append(bad, "route missing from the document: "+k)
		}
	}
	for k := range ops {
		if !have[k] {
			bad = append(bad, "operation in the document that is no route: "+k)
		}
	}
	slices.Sort(bad)
	for _, b := range bad {
		t.Error(b)
	}
	return len(have)
}
