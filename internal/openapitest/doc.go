// SPDX-License-Identifier: MIT

// Package openapitest checks a role's hand-written OpenAPI document against the role
// itself: the document loads and validates (OpenAPI 3.1), house rules hold for every
// operation, gin's routes and the document's operations match in both directions, and
// recorded request/response exchanges match the document (kin-openapi's
// openapi3filter). The API tests of studio and of the runtime use it.
package openapitest
