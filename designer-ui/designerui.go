// SPDX-License-Identifier: MIT

package designerui

import (
	"bytes"
	"embed"
	"io"
	"io/fs"
	"net/http"
	"strings"
)

// static holds static/README.md and, after `make ui`, the Vite build in static/dist.
// embed.FS is read-only, so this is not mutable package state.
//
//go:embed all:static
var static embed.FS

const (
	// prefix is the path the app is served under; it matches Vite's base.
	prefix = "/studio/"
	// immutable is for Vite's content-hashed files, which never change under one name.
	immutable = "public, max-age=31536000, immutable"
	// revalidate is for everything whose name does not change with its content.
	revalidate = "no-cache"
)

// Handler serves the embedded build under /studio/. Requests arrive with the full
// path (/studio/...); mount it on the /studio/ prefix without stripping. A request for
// /studio itself is redirected to /studio/, so callers need not handle it. Without an
// embedded build every request under /studio/ gets a page saying to run `make ui`.
func Handler() http.Handler {
	return HandlerFS(distFS())
}

// HandlerFS is Handler serving the Vite build whose root (holding index.html) is dist,
// for example os.DirFS("designer-ui/static/dist") during development. The build is
// looked up on every request, so rebuilding does not need a restart.
func HandlerFS(dist fs.FS) http.Handler {
	return handler{dist: dist}
}

// Built reports whether the binary embeds a designer UI build.
func Built() bool {
	return isBuilt(distFS())
}

func distFS() fs.FS {
	dist, err := fs.Sub(static, "static/dist")
	if err != nil {
		panic("designerui: " + err.Error()) // unreachable: the path is a valid constant
	}
	return dist
}

func isBuilt(dist fs.FS) bool {
	st, err := fs.Stat(dist, "index.html")
	return err == nil && st.Mode().IsRegular()
}

type handler struct {
	dist fs.FS
}

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == strings.TrimSuffix(prefix, "/") {
		target := prefix
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	if !isBuilt(h.dist) {
		serveNotBuilt(w)
		return
	}
	asset := name == "assets" || strings.HasPrefix(name, "assets/")
	cache := revalidate
	if asset {
		cache = immutable
	}
	if fs.ValidPath(name) && h.serveFile(w, r, name, cache) {
		return
	}
	// A missing script or stylesheet must be a 404, not the HTML of the app shell.
	if asset {
		http.NotFound(w, r)
		return
	}
	// Any other path is a client-side route of the single-page app.
	if !h.serveFile(w, r, "index.html", revalidate) {
		http.Error(w, "designer UI build is incomplete", http.StatusInternalServerError)
	}
}

// serveFile serves the regular file name from the build and reports whether it did.
// http.ServeContent picks the content type from the extension and handles HEAD,
// ranges and conditional requests.
func (h handler) serveFile(w http.ResponseWriter, r *http.Request, name, cacheControl string) bool {
	f, err := h.dist.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			return false
		}
		content = bytes.NewReader(data)
	}
	w.Header().Set("Cache-Control", cacheControl)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, name, st.ModTime(), content)
	return true
}
