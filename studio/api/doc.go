// SPDX-License-Identifier: MIT

// Package api holds studio's OpenAPI document (openapi.yaml, OpenAPI 3.1), embedded
// and served at /studio/api/openapi.yaml. Its tests check that the document is valid,
// that it and the started studio's routes match in both directions, and that real
// traffic matches it.
package api
