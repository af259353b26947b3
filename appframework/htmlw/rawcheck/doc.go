// SPDX-License-Identifier: MIT

// Package rawcheck keeps data out of htmlw.Writer.Raw. html/template escapes
// every value by itself; a Go printer has to call Text, Attr or URL, and
// Check fails a test when a printer file passes data to Raw instead: only
// string literals, local names and strconv.Itoa may make up Raw's argument
// (and the markup arguments of the wrappers named in Check's call), and
// only the functions named as converters may turn a template.HTML into a
// string for it.
package rawcheck
