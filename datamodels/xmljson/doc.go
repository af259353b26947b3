// SPDX-License-Identifier: MIT

// Package xmljson converts form data between XML and JSON under the direction
// of a data model's JSON Schema in Altinn's @xsd dialect (the output of
// datamodels/xsdjson, or a schema made in Altinn Studio).
//
// The schema, not the data, decides the JSON shape: a repeating element is an
// array even when it occurs once, @xsdAttribute properties are XML
// attributes, an @xsdText property ("value") is the text of an element with
// simple content, and the root element's name and namespace come from
// @xsdRootElement and @xsdSchemaAttributes. Strings are kept exactly as
// written (leading zeros, spaces); xs:integer, xs:decimal and friends become
// JSON numbers, as Altinn's app API sends them, with their digits kept
// (1.50 stays 1.50) except what JSON cannot spell (a leading "+" or leading
// zeros); booleans become true/false. xsi:nil becomes null. Writing XML puts
// attributes and elements in schema order, and keeps altinnRowId on the
// items of repeating groups.
//
// Reading is a stream over a purpose-built tokenizer (internal/xmlscan,
// fuzzed against encoding/xml): DTDs and entity declarations are
// refused, and input size, nesting depth and text size are capped (Limits),
// so hostile input fails fast in bounded memory. Where the XML does not fit
// the schema (an unknown element, elements out of order, two branches of a
// choice) the reader carries on and reports each Mismatch; datamodels/validate
// turns them into validation issues.
package xmljson
