// SPDX-License-Identifier: MIT

package httpx

import (
	"net/http"
	"testing"
)

func TestAttachment(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"a.pdf", `attachment; filename=a.pdf`},
		{"Søknad om støtte.pdf", `attachment; filename*=utf-8''S%C3%B8knad%20om%20st%C3%B8tte.pdf`},
		{"../x\r\n.html", `attachment; filename=..x.html`},
		{"a\\b/c.txt", `attachment; filename=abc.txt`},
		{"\x00\x1f", ""},
		{"", ""},
		{"\xff.pdf", "attachment; filename*=utf-8''%EF%BF%BD.pdf"},
	} {
		if got := Attachment(tt.name); got != tt.want {
			t.Errorf("Attachment(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSetContentHeaders(t *testing.T) {
	for _, tt := range []struct {
		ct, name             string
		wantCT, wantDisposed string
	}{
		{"text/html", "x.html", "text/html", `attachment; filename=x.html`},
		{"", "", "application/octet-stream", ""},
		{"application/xml", "", "application/xml", ""},
	} {
		h := http.Header{}
		SetContentHeaders(h, tt.ct, tt.name)
		for k, want := range map[string]string{"Content-Type": tt.wantCT, "Content-Disposition": tt.wantDisposed,
			"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox",
			"Cache-Control": "private, no-cache"} {
			if got := h.Get(k); got != want {
				t.Errorf("%q %q: %s = %q, want %q", tt.ct, tt.name, k, got, want)
			}
		}
	}
}
