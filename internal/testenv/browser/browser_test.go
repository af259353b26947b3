// SPDX-License-Identifier: MIT

package browser_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// pages serves a form that echoes its post, a page with a script, and two pages
// for axe: one clean, one with an image without alt text (critical).
func pages(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	page := func(body string) string {
		return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>Test</h1>` + body + `</main></body></html>`
	}
	mux.HandleFunc("GET /form", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(`<form method="post" action="/echo" enctype="multipart/form-data">
<label for="name">Name</label><input id="name" name="name" value="old">
<label for="pick">Pick</label><select id="pick" name="pick"><option value="a">A</option><option value="b">B</option></select>
<label for="file">File</label><input id="file" type="file" name="file">
<button id="send" type="submit">Send</button></form>`))
	})
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		name := ""
		if f, h, err := r.FormFile("file"); err == nil {
			f.Close()
			name = h.Filename
		}
		w.WriteHeader(http.StatusAccepted)
		fmt.Fprint(w, page(`<p id="got">`+r.PostFormValue("name")+"|"+r.PostFormValue("pick")+"|"+name+`</p>`))
	})
	mux.HandleFunc("GET /script", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(`<p id="out">static</p><script src="/script.js"></script>`))
	})
	mux.HandleFunc("GET /script.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `document.getElementById("out").textContent = "scripted";`)
	})
	mux.HandleFunc("GET /bad", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`))
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts.URL
}

func TestFillClickUpload(t *testing.T) {
	base := pages(t)
	b := browser.New(t)
	b.Navigate(base + "/form")
	b.Fill("#name", "Ola Nordmann")
	if got := b.ActiveID(); got != "pick" {
		t.Errorf("after Fill the focus is on %q, want the next field", got)
	}
	b.Select("#pick", "b")
	file := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(file, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Upload("#file", file)
	if status := b.ClickNav("#send"); status != http.StatusAccepted {
		t.Errorf("status %d, want 202", status)
	}
	if got := b.Text("#got"); got != "Ola Nordmann|b|note.txt" {
		t.Errorf("posted %q", got)
	}
	if !strings.HasSuffix(b.URL(), "/echo") {
		t.Errorf("url %s", b.URL())
	}
	b.Axe()
}

func TestNoJavaScript(t *testing.T) {
	base := pages(t)
	on := browser.New(t)
	on.Navigate(base + "/script")
	if got := on.Text("#out"); got != "scripted" {
		t.Fatalf("with scripts: %q", got)
	}
	off := browser.NewWith(t, browser.Options{NoJavaScript: true})
	off.Navigate(base + "/script")
	if got := off.Text("#out"); got != "static" {
		t.Errorf("without scripts the page's script ran: %q", got)
	}
	if off.JavaScript() {
		t.Error("JavaScript() = true")
	}
	off.Axe() // axe runs although the page's scripts do not
	if got := off.Text("#out"); got != "static" {
		t.Errorf("axe left scripts on: %q", got)
	}
}

func TestAxeFindsViolations(t *testing.T) {
	base := pages(t)
	b := browser.New(t)
	b.Navigate(base + "/bad")
	vs, err := browser.Violations(b.Context())
	if err != nil {
		if _, perr := browser.AxePath(); perr != nil {
			t.Skip(perr)
		}
		t.Fatal(err)
	}
	found := false
	for _, v := range vs {
		if v.ID == "image-alt" && v.Blocking() && len(v.Nodes) == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("image-alt not reported as blocking: %v", vs)
	}
}

func TestExceptionsAreCollected(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><title>x</title><p id="p">x</p><script src="/boom.js"></script>`)
	})
	mux.HandleFunc("GET /boom.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `throw new Error("boom")`)
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	b := browser.NewWith(t, browser.Options{AllowExceptions: true})
	b.Navigate(ts.URL)
	b.WaitFor("the exception to arrive", `true`)
	var got []string
	for range 50 {
		got = nil
		for _, m := range b.ConsoleErrors() {
			got = append(got, m.String())
		}
		if len(got) > 0 {
			break
		}
		b.WaitFor("a tick", `new Promise(r => setTimeout(() => r(true), 20))`)
	}
	if len(got) != 1 || !strings.Contains(got[0], "boom") {
		t.Errorf("console errors %q, want the one exception", got)
	}
}
