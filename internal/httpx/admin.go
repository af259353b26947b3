// SPDX-License-Identifier: MIT

package httpx

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Check is one readiness check: the database answers, the blob store is reachable.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}

// CheckTimeout bounds each readiness check, so /readyz answers even when a dependency
// hangs instead of failing fast.
const CheckTimeout = 3 * time.Second

// readiness is the body of /readyz.
type readiness struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

// AdminHandler serves the admin listener: /healthz (the process is alive), /readyz
// (every check passes; 503 with the failing checks' reasons otherwise), /metrics and
// /debug/pprof/. It is meant for a loopback or cluster-internal address only.
func AdminHandler(m *Metrics, version string, checks ...Check) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": version})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		res := runChecks(r.Context(), checks)
		if res.Status != "ready" {
			p := NewProblem(http.StatusServiceUnavailable, CodeNotReady, "A dependency is not ready.")
			for name, msg := range res.Checks {
				if msg != "ok" {
					p.Errors = append(p.Errors, FieldError{Field: name, Code: CodeNotReady, Detail: msg})
				}
			}
			WriteProblem(w, r, p)
			return
		}
		writeJSON(w, http.StatusOK, res)
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry}))
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// runChecks runs the checks concurrently, each under CheckTimeout.
func runChecks(ctx context.Context, checks []Check) readiness {
	res := readiness{Status: "ready", Checks: make(map[string]string, len(checks))}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, c := range checks {
		wg.Go(func() {
			cctx, cancel := context.WithTimeout(ctx, CheckTimeout)
			defer cancel()
			msg := "ok"
			if err := c.Fn(cctx); err != nil {
				msg = err.Error()
			}
			mu.Lock()
			defer mu.Unlock()
			res.Checks[c.Name] = msg
			if msg != "ok" {
				res.Status = "not ready"
			}
		})
	}
	wg.Wait()
	return res
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
