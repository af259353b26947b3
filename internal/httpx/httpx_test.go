// SPDX-License-Identifier: MIT

package httpx_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/gin-gonic/gin"
)

func newTestEngine(logs *bytes.Buffer) (*gin.Engine, *httpx.Metrics) {
	log := slog.New(slog.NewJSONHandler(logs, nil))
	m := httpx.NewMetrics()
	e := httpx.NewEngine(log, m)
	e.GET("/ok", func(c *gin.Context) { c.String(http.StatusOK, "fine") })
	e.POST("/ok", func(c *gin.Context) { c.String(http.StatusOK, "posted") })
	e.GET("/panic", func(c *gin.Context) { panic("kaboom") })
	return e, m
}

func TestEngineScenarios(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		path       string
		headers    map[string]string
		wantStatus int
		wantCode   string // problem code; empty for a non-problem response
		wantBody   string
	}{
		{"ok", "GET", "/ok", nil, 200, "", "fine"},
		{"unknown path", "GET", "/nope", nil, 404, httpx.CodeNotFound, ""},
		{"wrong method", "DELETE", "/ok", nil, 405, httpx.CodeMethodNotAllowed, ""},
		{"panic", "GET", "/panic", nil, 500, httpx.CodeInternal, ""},
		{"cross-origin post denied", "POST", "/ok", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403, httpx.CodeCrossOrigin, ""},
		{"same-origin post allowed", "POST", "/ok", map[string]string{"Sec-Fetch-Site": "same-origin"}, 200, "", "posted"},
		{"non-browser post allowed", "POST", "/ok", nil, 200, "", "posted"},
		{"cross-origin get allowed", "GET", "/ok", map[string]string{"Sec-Fetch-Site": "cross-site"}, 200, "", "fine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			e, _ := newTestEngine(&logs)
			h := httpx.Public(e)
			req := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			if tt.wantCode == "" {
				if rec.Body.String() != tt.wantBody {
					t.Fatalf("body = %q, want %q", rec.Body, tt.wantBody)
				}
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != httpx.ProblemContentType {
				t.Fatalf("Content-Type = %q", ct)
			}
			var p httpx.Problem
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if p.Code != tt.wantCode || p.Status != tt.wantStatus || p.Title == "" {
				t.Fatalf("problem = %+v", p)
			}
			if p.TraceID == "" || p.TraceID != rec.Header().Get(httpx.HeaderRequestID) {
				t.Fatalf("traceId %q does not match X-Request-Id %q", p.TraceID, rec.Header().Get(httpx.HeaderRequestID))
			}
		})
	}
}

func TestPanicIsLoggedWithStack(t *testing.T) {
	var logs bytes.Buffer
	e, _ := newTestEngine(&logs)
	e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/panic", nil))
	if !strings.Contains(logs.String(), "kaboom") || !strings.Contains(logs.String(), "goroutine") {
		t.Fatalf("panic log lacks the value or stack: %s", logs.String())
	}
}

func TestRequestID(t *testing.T) {
	tests := []struct {
		in       string
		wantSame bool
	}{
		{"abc-123_X.y", true},
		{"", false},
		{"bad id\nwith newline", false},
		{strings.Repeat("a", 129), false},
	}
	for _, tt := range tests {
		var logs bytes.Buffer
		e, _ := newTestEngine(&logs)
		req := httptest.NewRequest("GET", "/ok?token=SECRET", nil)
		if tt.in != "" {
			req.Header.Set(httpx.HeaderRequestID, tt.in)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		got := rec.Header().Get(httpx.HeaderRequestID)
		if (got == tt.in) != tt.wantSame || got == "" {
			t.Errorf("in %q: got request id %q, wantSame %v", tt.in, got, tt.wantSame)
		}
		if !strings.Contains(logs.String(), `"request_id":"`+got+`"`) {
			t.Errorf("access log lacks request id %q: %s", got, logs.String())
		}
		if strings.Contains(logs.String(), "SECRET") {
			t.Errorf("access log contains the query string: %s", logs.String())
		}
	}
}

func TestAdmin(t *testing.T) {
	var logs bytes.Buffer
	e, m := newTestEngine(&logs)
	e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/ok", nil))
	dbErr := errors.New("database unreachable: connection refused")
	tests := []struct {
		name   string
		checks []httpx.Check
		path   string
		status int
		want   []string
	}{
		{"healthz", nil, "/healthz", 200, []string{`"status":"ok"`, `"version":"v-test"`}},
		{"ready", []httpx.Check{{Name: "database", Fn: func(context.Context) error { return nil }}}, "/readyz", 200, []string{`"database":"ok"`}},
		{"not ready", []httpx.Check{
			{Name: "database", Fn: func(context.Context) error { return dbErr }},
			{Name: "blob", Fn: func(context.Context) error { return nil }},
		}, "/readyz", 503, []string{`"code":"not_ready"`, `"field":"database"`, "connection refused"}},
		{"metrics", nil, "/metrics", 200, []string{`blankett_http_requests_total{code="200",method="GET",route="/ok"} 1`, "go_goroutines"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			httpx.AdminHandler(m, "v-test", tt.checks...).ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("body lacks %q:\n%s", w, rec.Body)
				}
			}
		})
	}
}

func TestReadyzHungCheckTimesOut(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for CheckTimeout")
	}
	m := httpx.NewMetrics()
	hang := httpx.Check{Name: "blob", Fn: func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }}
	rec := httptest.NewRecorder()
	start := time.Now()
	httpx.AdminHandler(m, "v", hang).ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 503 || time.Since(start) > httpx.CheckTimeout+2*time.Second {
		t.Fatalf("status %d after %v", rec.Code, time.Since(start))
	}
}

func TestGracefulShutdown(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		_, _ = io.WriteString(w, "finished")
	})
	srv, err := httpx.Listen(log, httpx.Listener{Name: "public", Addr: "127.0.0.1:0", Handler: slow})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, 5*time.Second) }()
	type result struct {
		body string
		err  error
	}
	resc := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + srv.Addr("public") + "/")
		if err != nil {
			resc <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		resc <- result{string(b), err}
	}()
	<-started
	cancel()
	r := <-resc
	if r.err != nil || r.body != "finished" {
		t.Fatalf("in-flight request: %q, %v; want it to finish", r.body, r.err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + srv.Addr("public") + "/"); err == nil {
		t.Fatal("server still accepts connections after shutdown")
	}
}

func TestListenPortInUse(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := httpx.Listen(log, httpx.Listener{Name: "a", Addr: "127.0.0.1:0", Handler: http.NotFoundHandler()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Serve(canceled(), time.Second)
	_, err = httpx.Listen(log, httpx.Listener{Name: "b", Addr: a.Addr("a"), Handler: http.NotFoundHandler()})
	if err == nil || !strings.Contains(err.Error(), "b listener") {
		t.Fatalf("Listen on a used port = %v", err)
	}
}

func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}
