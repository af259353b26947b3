// SPDX-License-Identifier: MIT

// Package xsdequal compares two XML Schemas structurally: the same
// components with the same names, the same particles in the same order with
// the same occurs, the same types, facets, attributes (use, default, fixed),
// namespaces, annotations and foreign attributes.
//
// It compares the models datamodels/xsd reads, after writing each into a
// canonical tree that ignores what carries no meaning:
//
//   - prefixes (names compare as namespace URI plus local name), attribute
//     order, whitespace-only text in annotations, xmlns attributes inside
//     annotation markup;
//   - the order of top-level components (only which element comes first,
//     the root, matters), and how many xs:annotation elements the schema
//     level is split into;
//   - occurs written or defaulted (minOccurs="1" equals no minOccurs), use
//     "optional" or absent, the anyAttribute and any defaults (##any, strict);
//   - the order of facets of different kinds (enumerations keep theirs);
//     numeric facet values compare as numbers;
//   - pointless particles as XSD defines them: a sequence or choice that
//     occurs exactly once with one member is that member, a sequence that
//     occurs once inside a sequence (a choice inside a choice) adds nothing
//     to its parent, and an empty model group is no content at all.
package xsdequal
