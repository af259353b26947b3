// SPDX-License-Identifier: MIT

// Package jsonxsd converts a JSON Schema in Altinn Studio's @xsd* dialect back
// to XML Schema, the inverse of datamodels/xsdjson.
//
// A schema that came from an XSD carries the XSD constructs in @xsd* keywords
// (@xsdNamespaces, @xsdType, @xsdAttribute, @xsdText, @xsdMinOccurs, …) and the
// conventions of xsdjson: named components under $defs, steps of a sequence as
// allOf members, choices as oneOf, the SERES root as oneOf [{$ref}]. Convert
// reads those back so that XSD → JSON Schema → XSD gives a structurally
// equivalent schema. What a named $def was (element, type, group, attribute or
// attribute group) is not written down in the dialect; Convert infers it from
// how the def is referenced ($ref with @xsdType "#ref" from a property is an
// element or attribute reference, from an allOf step a group reference, a
// plain $ref a type) and, for defs nobody references, from their shape.
//
// A schema made from scratch (the designer's, without @xsd* keywords) gets the
// general strategy: JSON types and formats become sensible built-in XSD types,
// keywords such as maxLength or enum become facets, non-required properties
// become minOccurs="0" and arrays repeating elements.
//
// The strategy is chosen as Altinn does: SERES when @xsdNamespaces binds the
// SERES or Oppgaveregister namespace or info["XSLT-skriptnavn"] is
// SERES_XSD_GEN, general otherwise. The strategies differ only in the default
// name of the root element. Schemas Altinn's own validator refuses (properties
// beside oneOf/allOf at the root, objects without properties, dangling $refs)
// are rejected with ErrIncompatible and the JSON pointer of the construct.
package jsonxsd
