// SPDX-License-Identifier: MIT

package api_test

import (
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
)

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
	srv := newServer(t)
	n := openapitest.RoutesMatch(t, loadSpec(t), srv.Engine.Routes(), excluded)
	t.Logf("%d routes (dev IdP and forms UI excluded)", n)
	if n < 20 {
		t.Fatalf("only %d routes: did the role start?", n)
	}
}
