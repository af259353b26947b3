// SPDX-License-Identifier: MIT

// Package xsd reads W3C XML Schema 1.0 documents into a small intermediate model.
//
// It is built on encoding/xml and keeps its own namespace-scope stack, because
// encoding/xml leaves QName-valued attributes (type=, ref=, base=, itemType=,
// memberTypes=, substitutionGroup=) unresolved. Every construct the model cannot
// hold is reported as an *Error naming the file, the line and the construct; the
// reader never drops schema content silently.
//
// The reader is meant for untrusted uploads: it refuses DTDs (and so entity
// bombs), caps input size, nesting depth and the number of files pulled in by
// include/import, and resolves include/import only through the fs.FS it is given.
//
// Load reads a schema with everything it includes and imports and checks that all
// references resolve; Parse reads one document without following includes.
package xsd
