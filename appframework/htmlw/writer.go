// SPDX-License-Identifier: MIT

package htmlw

import (
	"slices"
	"strconv"
)

// Writer accumulates an HTML document. The zero value is ready to use.
type Writer struct{ b []byte }

// Grow makes room for n more bytes.
func (w *Writer) Grow(n int) { w.b = slices.Grow(w.b, n) }

// Raw writes trusted markup unchanged.
func (w *Writer) Raw(s string) { w.b = append(w.b, s...) }

// Text writes s escaped for a text node or a double-quoted attribute value.
func (w *Writer) Text(s string) { w.b = appendEscaped(w.b, s) }

// Int writes n in decimal.
func (w *Writer) Int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// URL writes s as the whole value of a URL attribute: filtered, normalised
// and escaped as html/template does.
func (w *Writer) URL(s string) {
	if !safeURL(s) {
		s = "#ZgotmplZ"
	}
	start := len(w.b)
	w.b = appendNormalizedURL(w.b, s)
	if hasEscapable(w.b[start:]) {
		norm := string(w.b[start:])
		w.b = appendEscaped(w.b[:start], norm)
	}
}

// Attr writes ` name="value"` with value escaped; name must be a constant.
func (w *Writer) Attr(name, value string) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, '=', '"')
	w.b = appendEscaped(w.b, value)
	w.b = append(w.b, '"')
}

// AttrIf writes the attribute only when value is not empty, as
// {{with .X}} name="{{.}}"{{end}} does.
func (w *Writer) AttrIf(name, value string) {
	if value != "" {
		w.Attr(name, value)
	}
}

// Reset empties the document and keeps the buffer for the next one.
func (w *Writer) Reset() { w.b = w.b[:0] }

// Cap reports the size of the buffer.
func (w *Writer) Cap() int { return cap(w.b) }

// Len reports how many bytes have been written.
func (w *Writer) Len() int { return len(w.b) }

// Bytes returns the document; it aliases the Writer's buffer.
func (w *Writer) Bytes() []byte { return w.b }

// String returns the document as a string.
func (w *Writer) String() string { return string(w.b) }
