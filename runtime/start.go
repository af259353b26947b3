// SPDX-License-Identifier: MIT

package runtime

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// startPageHTML is the runtime's front page until app hosting lands.
const startPageHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blankett</title></head>
<body>
<main>
<h1>Blankett</h1>
<p>The Blankett runtime is running. No service apps are deployed yet.</p>
<p>Service owners design apps in <a href="/studio/">Blankett Studio</a> (when this server runs the studio role).</p>
</main>
</body>
</html>
`

func startPage(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(startPageHTML))
}
