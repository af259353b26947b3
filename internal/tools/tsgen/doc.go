// SPDX-License-Identifier: MIT

// Command tsgen writes TypeScript declarations for the components.schemas of an
// OpenAPI document, so the designer UI's fetch client is typed from the same file
// the studio API is checked against:
//
//	go run ./internal/tools/tsgen -in studio/api/openapi.yaml -out designer-ui/src/api/types.ts
//
// (`make ui-types`). An object schema becomes an interface, anything else a type
// alias; $ref becomes the referenced name, enum a union of literals, a 3.1 type list
// or 3.0 nullable a union with null, allOf an intersection, oneOf and anyOf a union,
// additionalProperties an index signature, and a schema that says nothing unknown.
// Descriptions become doc comments. A test in this package fails when the committed
// designer-ui/src/api/types.ts differs from what the generator writes now.
package main
