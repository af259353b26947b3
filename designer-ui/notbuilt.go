// SPDX-License-Identifier: MIT

package designerui

import (
	"io"
	"net/http"
)

// notBuiltPage is served for every request when the binary has no UI build, so a
// developer on a fresh clone sees what to do instead of a bare 404.
const notBuiltPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blankett Studio: designer UI not built</title>
</head>
<body>
<main>
<h1>The designer UI is not built</h1>
<p>This binary was built without the designer UI.
Run <code>make ui</code> in the repository, then rebuild and restart the binary.</p>
</main>
</body>
</html>
`

func serveNotBuilt(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", revalidate)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, notBuiltPage)
}
