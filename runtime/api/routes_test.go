// SPDX-License-Identifier: MIT

package api_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// ginParam matches a gin path parameter (":name") or catch-all ("*name").
var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

// specPath turns a gin route path into an OpenAPI path template.
func specPath(ginPath string) string { return ginParam.ReplaceAllString(ginPath, "{$1}") }

// excluded reports routes the document leaves out on purpose: the built-in dev IdP is
// an OpenID Provider for development only (dev mode without --oidc-issuer), with its
// own protocol documents, not part of the runtime's API. The citizen forms UI's HTML
// pages and stylesheets are not part of the REST API either.
func excluded(ginPath string) bool {
	return strings.HasPrefix(ginPath, "/devidp/") || strings.HasPrefix(ginPath, "/assets/designsystemet/") ||
		ginPath == "/:org/:app/" || ginPath == "/:org/:app/new" || strings.HasPrefix(ginPath, "/:org/:app/instance/")
}

// TestRoutesMatchSpec checks both directions: every route the started runtime role
// registers is an operation in the document, and every operation is a registered
// route, so the document can neither miss nor invent an endpoint.
func TestRoutesMatchSpec(t *testing.T) {
	doc := loadSpec(t)
	srv := newServer(t)
	routes := map[string]bool{}
	for _, r := range srv.engine.Routes() {
		if excluded(r.Path) {
			continue
		}
		routes[r.Method+" "+specPath(r.Path)] = true
	}
	ops := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			ops[method+" "+path] = true
		}
	}
	tests := []struct {
		name          string
		have, missing map[string]bool
	}{
		{"route missing from openapi.yaml", routes, ops},
		{"operation in openapi.yaml that is no route", ops, routes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bad []string
			for k := range tt.have {
				if !tt.missing[k] {
					bad = append(bad, k)
				}
			}
			slices.Sort(bad)
			for _, b := range bad {
				t.Error(b)
			}
		})
	}
	t.Logf("%d routes (dev IdP excluded), %d operations", len(routes), len(ops))
	if len(routes) < 20 {
		t.Fatalf("only %d routes: did the role start?", len(routes))
	}
}

// TestSpecPath covers the gin-to-OpenAPI path mapping.
func TestSpecPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/:org/:app/instances/:party/:guid", "/{org}/{app}/instances/{party}/{guid}"},
		{"/storage/api/v1/instances/:partyId/:guid/data/:dataGuid", "/storage/api/v1/instances/{partyId}/{guid}/data/{dataGuid}"},
		{"/devidp/*rest", "/devidp/{rest}"},
	}
	for _, tt := range tests {
		if got := specPath(tt.in); got != tt.want {
			t.Errorf("specPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
