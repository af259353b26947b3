// SPDX-License-Identifier: MIT

package designerui_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	designerui "github.com/blankett/blankett/designer-ui"
)

const (
	indexHTML = `<!doctype html><html lang="en"><title>Blankett Studio</title><div id="root"></div></html>`
	appJS     = `console.log("studio")`
	immutable = "public, max-age=31536000, immutable"
)

// scenario is one request against a handler and what the response must look like.
type scenario struct {
	name         string
	method       string
	target       string
	wantStatus   int
	wantType     string // Content-Type prefix; empty skips the check
	wantCache    string // exact Cache-Control; empty skips the check
	wantBody     string // substring of the body; empty skips the check
	wantLocation string
}

func (s scenario) run(t *testing.T, h http.Handler) {
	t.Helper()
	method := s.method
	if method == "" {
		method = http.MethodGet
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, s.target, nil))
	res := rec.Result()
	body := rec.Body.String()
	if res.StatusCode != s.wantStatus {
		t.Fatalf("%s %s: status = %d, want %d; body %q", method, s.target, res.StatusCode, s.wantStatus, body)
	}
	if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, s.wantType) {
		t.Errorf("Content-Type = %q, want prefix %q", got, s.wantType)
	}
	if got := res.Header.Get("Cache-Control"); s.wantCache != "" && got != s.wantCache {
		t.Errorf("Cache-Control = %q, want %q", got, s.wantCache)
	}
	if !strings.Contains(body, s.wantBody) {
		t.Errorf("body = %q, want it to contain %q", body, s.wantBody)
	}
	if got := res.Header.Get("Location"); got != s.wantLocation {
		t.Errorf("Location = %q, want %q", got, s.wantLocation)
	}
}

func TestHandlerFSBuilt(t *testing.T) {
	t.Parallel()
	h := designerui.HandlerFS(fstest.MapFS{
		"index.html":             {Data: []byte(indexHTML)},
		"favicon.svg":            {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"assets/index-AbC12.js":  {Data: []byte(appJS)},
		"assets/index-AbC12.css": {Data: []byte(`main{margin:0}`)},
	})
	for _, s := range []scenario{
		{name: "root", target: "/studio/", wantStatus: 200, wantType: "text/html; charset=utf-8", wantCache: "no-cache", wantBody: indexHTML},
		{name: "index by name", target: "/studio/index.html", wantStatus: 200, wantType: "text/html", wantCache: "no-cache", wantBody: indexHTML},
		{name: "client route", target: "/studio/some/route", wantStatus: 200, wantType: "text/html", wantCache: "no-cache", wantBody: indexHTML},
		{name: "client route with slash and query", target: "/studio/apps/ttd/?tab=data", wantStatus: 200, wantType: "text/html", wantCache: "no-cache", wantBody: indexHTML},
		{name: "dot-dot stays inside", target: "/studio/../index.html", wantStatus: 200, wantType: "text/html", wantBody: indexHTML},
		{name: "script asset", target: "/studio/assets/index-AbC12.js", wantStatus: 200, wantType: "text/javascript; charset=utf-8", wantCache: immutable, wantBody: appJS},
		{name: "style asset", target: "/studio/assets/index-AbC12.css", wantStatus: 200, wantType: "text/css; charset=utf-8", wantCache: immutable, wantBody: "main{margin:0}"},
		{name: "unhashed file", target: "/studio/favicon.svg", wantStatus: 200, wantType: "image/svg+xml", wantCache: "no-cache", wantBody: "<svg"},
		{name: "head asset", method: http.MethodHead, target: "/studio/assets/index-AbC12.js", wantStatus: 200, wantType: "text/javascript", wantCache: immutable},
		{name: "missing asset", target: "/studio/assets/index-gone.js", wantStatus: 404, wantType: "text/plain"},
		{name: "assets folder", target: "/studio/assets/", wantStatus: 404},
		{name: "post", method: http.MethodPost, target: "/studio/", wantStatus: 405},
		{name: "outside prefix", target: "/healthz", wantStatus: 404},
		{name: "no slash redirects", target: "/studio", wantStatus: 301, wantLocation: "/studio/"},
		{name: "redirect keeps query", target: "/studio?org=ttd", wantStatus: 301, wantLocation: "/studio/?org=ttd"},
	} {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			s.run(t, h)
		})
	}
}

func TestHandlerFSNotBuilt(t *testing.T) {
	t.Parallel()
	// Only a stray file, no index.html: the build is missing or incomplete.
	h := designerui.HandlerFS(fstest.MapFS{"assets/index-AbC12.js": {Data: []byte(appJS)}})
	page := scenario{wantStatus: 200, wantType: "text/html; charset=utf-8", wantCache: "no-cache", wantBody: "<code>make ui</code>"}
	for _, target := range []string{"/studio/", "/studio/some/route", "/studio/index.html", "/studio/assets/index-AbC12.js"} {
		t.Run(target, func(t *testing.T) {
			t.Parallel()
			s := page
			s.target = target
			s.run(t, h)
		})
	}
	t.Run("valid document", func(t *testing.T) {
		t.Parallel()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/studio/", nil))
		body := rec.Body.String()
		for _, want := range []string{"<!doctype html>\n", `<html lang="en">`, `<meta charset="utf-8">`, "<title>", "</html>\n"} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q:\n%s", want, body)
			}
		}
	})
	t.Run("no slash redirects", func(t *testing.T) {
		t.Parallel()
		scenario{target: "/studio", wantStatus: 301, wantLocation: "/studio/"}.run(t, h)
	})
}

// TestHandlerEmbedded checks the real embedded build in whatever state this checkout
// is: built after `make ui`, or fresh with only static/README.md.
func TestHandlerEmbedded(t *testing.T) {
	t.Parallel()
	_, err := os.Stat("static/dist/index.html")
	onDisk := err == nil
	if got := designerui.Built(); got != onDisk {
		t.Fatalf("Built() = %v, but static/dist/index.html on disk: %v", got, onDisk)
	}
	want := scenario{target: "/studio/", wantStatus: 200, wantType: "text/html; charset=utf-8", wantCache: "no-cache", wantBody: "make ui"}
	if onDisk {
		want.wantBody = `<div id="root">`
	}
	want.run(t, designerui.Handler())
	if !onDisk {
		return
	}
	scenario{target: "/studio/no/such/route", wantStatus: 200, wantType: "text/html", wantBody: `<div id="root">`}.run(t, designerui.Handler())
	// The script the built index.html refers to must resolve through the handler,
	// which checks that Vite's base matches the prefix the handler serves.
	rec := httptest.NewRecorder()
	designerui.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/studio/", nil))
	m := regexp.MustCompile(`src="(/studio/assets/[^"]+\.js)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("built index.html has no /studio/assets/*.js script:\n%s", rec.Body.String())
	}
	scenario{target: m[1], wantStatus: 200, wantType: "text/javascript", wantCache: immutable}.run(t, designerui.Handler())
}
