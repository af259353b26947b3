// SPDX-License-Identifier: MIT

package htmlw

import (
	"html/template"
	"strings"
	"testing"
)

// oracle is html/template printing the same value in each context the
// Writer escapes for.
var oracle = template.Must(template.New("").Parse(
	`{{define "text"}}{{.}}{{end}}{{define "attr"}}<p title="{{.}}">{{end}}{{define "url"}}<a href="{{.}}">{{end}}`))

func execute(t testing.TB, name, s string) string {
	t.Helper()
	var b strings.Builder
	if err := oracle.ExecuteTemplate(&b, name, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// check fails unless every Writer method prints s as html/template does.
func check(t testing.TB, s string) {
	t.Helper()
	var w Writer
	w.Text(s)
	if got, want := w.String(), execute(t, "text", s); got != want {
		t.Errorf("Text(%q) = %q, html/template %q", s, got, want)
	}
	w = Writer{}
	w.Raw("<p")
	w.Attr("title", s)
	w.Raw(">")
	if got, want := w.String(), execute(t, "attr", s); got != want {
		t.Errorf("Attr(%q) = %q, html/template %q", s, got, want)
	}
	w = Writer{}
	w.Raw(`<a href="`)
	w.URL(s)
	w.Raw(`">`)
	if got, want := w.String(), execute(t, "url", s); got != want {
		t.Errorf("URL(%q) = %q, html/template %q", s, got, want)
	}
}

var samples = []string{
	"", "plain", `<script>alert("x")</script>`, "a & b + c 'q'", "\x00nul", "æøå ÆØÅ", "\xff\xfe broken utf-8",
	"/ttd/app/instance/1?lang=nb&view=my forms", "https://example.com/a b?q=(1)#frag", "HTTPS://EXAMPLE.COM",
	"mailto:a@example.com", "javascript:alert(1)", "JavaScript:x", "data:text/html,x", "vbscript:x",
	"/relative:with/colon", "x/y:z", "%41%zz%4", "%", "a%2", "100%", "[::1]:80/~user/$!*,;=@", "tab\there\nline",
	"\uFFFD\u00a0\u2028", "\"'<>&+",
}

func TestMatchesHTMLTemplate(t *testing.T) {
	for _, s := range samples {
		check(t, s)
	}
}

func TestAttrIf(t *testing.T) {
	var w Writer
	w.AttrIf("id", "")
	w.AttrIf("data-x", "a\"b")
	w.Int(-42)
	if got, want := w.String(), ` data-x="a&#34;b"-42`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzMatchesHTMLTemplate(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}
