// SPDX-License-Identifier: MIT

// Package api holds the runtime's hand-written OpenAPI 3.1 document, openapi.yaml,
// which the runtime serves at GET /api/openapi.yaml.
//
// The document is written by hand, not generated, so that it can say where Blankett
// differs from Altinn. Tests keep it honest: every route the runtime registers must be
// in it, every path in it must be a route, and real responses of each API group are
// validated against it with kin-openapi.
package api
