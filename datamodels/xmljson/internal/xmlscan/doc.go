// SPDX-License-Identifier: MIT

// Package xmlscan is a small streaming XML tokenizer for reading form data,
// built for speed where encoding/xml spends most of its time (a read per
// byte, a copy per token, an interface per token).
//
// It reports start tags (raw prefix and local name, attributes with their
// values decoded), end tags (also one after each empty-element tag) and
// character data (text and CDATA sections, with the five predefined entities
// and character references replaced and line ends normalised to "\n").
// Comments, processing instructions and the XML declaration are skipped.
// Document type declarations and every other "<!…" directive are refused
// with ErrDirective: there are no DTDs, so no entity expansion.
//
// It checks well-formedness as encoding/xml does in strict mode, and more:
// end tags match their start tags, there is exactly one root element, text
// and attribute values are UTF-8 made of XML characters, names are XML
// names (XML 1.0 fifth edition), an attribute appears once per element, the
// XML declaration comes first and says version 1.0. Errors are
// *SyntaxError with line and column. Namespace prefixes are left to the
// caller, which resolves them against the xmlns attributes. Token slices are
// valid until the next call of Next; the scanner keeps only the current
// token and the names of the open elements in memory.
package xmlscan
