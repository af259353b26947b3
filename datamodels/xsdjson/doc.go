// SPDX-License-Identifier: MIT

// Package xsdjson converts XML Schema to JSON Schema (draft 2020-12) in Altinn
// Studio's dialect: named components under $defs, the original XSD constructs
// kept in @xsd* keywords, the SERES root element as oneOf [{$ref}], the SERES
// schema annotation as info, and totalDigits, formatMinimum/formatMaximum and
// the year/year-month formats for what JSON Schema lacks.
//
// The output follows Altinn's XmlSchemaToJsonSchemaConverter keyword for
// keyword, including its normalisation of single-item allOf, so that schemas
// made here and in Altinn Studio are interchangeable. Where this package
// differs on purpose, datamodels/README.md says where and why.
package xsdjson
