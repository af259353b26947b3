// SPDX-License-Identifier: MIT

// Package metadata derives a data model's field tree from its JSON Schema: each
// field's binding path (dot-separated, without the root element, as layouts
// bind), XML kind (group, field or attribute), value type, restrictions and
// occurrence. Forms use it to offer bindings and to build repeating groups.
//
// It reads both today's Altinn schemas ($defs, @xsdRootElement, SERES
// oneOf [{$ref}]) and the older ones (definitions, the root as the first
// top-level property, @xsdType "XmlAttribute").
package metadata
