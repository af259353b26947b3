// SPDX-License-Identifier: MIT

// Package validate checks form data, XML or JSON, against a data model's JSON
// Schema in Altinn's @xsd dialect, with the XML Schema rules JSON Schema
// lacks: totalDigits, XSD regular expressions (implicitly anchored, with \i,
// \c, \p{Is…} blocks and character-class subtraction), XSD date, time,
// duration and gYear formats, the value ranges and lexical rules of the
// built-in types (xs:int, xs:positiveInteger, xs:NCName…), enumerations and
// fixed values compared in the value space, and element order, unknown
// elements and choices through datamodels/xmljson.
//
// A Validator is compiled once per schema (santhosh-tekuri/jsonschema/v6 with
// a vocabulary for the @xsd keywords) and is safe for concurrent use; Cache
// keeps one per schema document. Every problem comes out as an Issue with a
// JSON pointer, the dotted binding path forms use, a stable code, parameters
// and a message in Norwegian Bokmål, Nynorsk or English.
package validate
