// SPDX-License-Identifier: MIT

package httpx

import (
	"mime"
	"net/http"
	"strings"
)

// SetContentHeaders sets the headers of a response that carries content a
// user uploaded: its content type (application/octet-stream when none), a
// download (attachment) disposition with the file name when it has one, no
// sniffing, a sandboxing Content-Security-Policy so that a browser never runs
// what it holds as a page of this origin even when shown inline, and
// "private, no-cache" so that no shared cache keeps personal data.
func SetContentHeaders(h http.Header, contentType, filename string) {
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, no-cache")
	if cd := Attachment(filename); cd != "" {
		h.Set("Content-Disposition", cd)
	}
}

// Attachment is an attachment Content-Disposition naming the file, with
// control characters and path separators left out, or "" when no name is
// left. A name FormatMediaType cannot encode still gives a bare
// "attachment", so the browser downloads rather than shows it.
func Attachment(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return ""
	}
	if cd := mime.FormatMediaType("attachment", map[string]string{"filename": name}); cd != "" {
		return cd
	}
	return "attachment"
}
