// SPDX-License-Identifier: MIT

// Package rawcheck keeps data out of htmlw.Writer.Raw. html/template escapes
// every value by itself; a Go printer has to call Text, Attr or URL, and
// Check fails a test where a printer file could pass data to unescaped
// markup instead. It reads the source, not types, so it is strict by
// construction: only literals, strconv.Itoa, constants, package variables of
// literals, locals that only ever hold such values and the markup parameters
// of the listed wrappers may reach Raw, and Attr may not write a URL, style
// or event-handler attribute. A printer that needs more must be written so
// that the check can see it is safe.
package rawcheck
