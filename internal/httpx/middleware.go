// SPDX-License-Identifier: MIT

package httpx

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
)

// recovery turns a panic in a handler into a logged error and a 500 problem, unless the
// response has started, in which case the connection is dropped. http.ErrAbortHandler
// is re-raised so net/http aborts quietly, as it intends.
func recovery(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if err, ok := rec.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(rec)
			}
			log.ErrorContext(c.Request.Context(), "panic in handler",
				slog.Any("panic", rec), slog.String("request_id", RequestIDFrom(c.Request.Context())),
				slog.String("route", c.FullPath()), slog.String("stack", string(debug.Stack())))
			if c.Writer.Written() {
				c.Abort()
				panic(http.ErrAbortHandler)
			}
			AbortProblem(c, NewProblem(http.StatusInternalServerError, CodeInternal,
				"An unexpected error occurred. Quote the traceId when you report it."))
		}()
		c.Next()
	}
}

// accessLog writes one structured line per request. It logs the path without the
// query string, because queries may carry tokens or personal data.
func accessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		switch {
		case status >= 500:
			level = slog.LevelError
		case status >= 400:
			level = slog.LevelWarn
		}
		log.LogAttrs(c.Request.Context(), level, "http request",
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", c.FullPath()),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("request_id", RequestIDFrom(c.Request.Context())),
			slog.String("remote", c.ClientIP()))
	}
}
