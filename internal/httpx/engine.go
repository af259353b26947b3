// SPDX-License-Identifier: MIT

package httpx

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
)

// NewEngine returns a gin engine with only our middleware: request id, recovery,
// access log and metrics, in that order, and problem+json answers for unknown paths
// and methods. Handlers are added by studio and runtime.
func NewEngine(log *slog.Logger, m *Metrics) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.ContextWithFallback = true
	// Trust no proxy headers unless an operator configures a proxy in front.
	_ = e.SetTrustedProxies(nil)
	e.Use(requestID(), recovery(log), accessLog(log), m.middleware())
	e.NoRoute(notFound)
	e.NoMethod(methodNotAllowed)
	return e
}

// Public wraps the public engine with cross-origin protection: unsafe requests
// (POST, PUT, PATCH, DELETE) sent by a browser from another origin get a 403 problem.
// Non-browser clients (no Origin or Sec-Fetch-Site header) pass, as do safe methods.
func Public(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The engine's middleware never sees this request, so it gets its
		// request id here: the problem's traceId and X-Request-Id, as every other.
		id := r.Header.Get(HeaderRequestID)
		if !validRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set(HeaderRequestID, id)
		WriteProblem(w, r.WithContext(WithRequestID(r.Context(), id)), NewProblem(http.StatusForbidden, CodeCrossOrigin,
			"Cross-origin requests that change state are not allowed."))
	}))
	return cop.Handler(h)
}
