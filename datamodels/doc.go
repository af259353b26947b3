// SPDX-License-Identifier: MIT

// Package datamodels converts between XSD and JSON Schema (in Altinn's @xsd dialect),
// converts form data between XML and JSON under the direction of a schema, validates
// instances and exposes model metadata. It depends only on the standard library and
// third-party libraries.
package datamodels
