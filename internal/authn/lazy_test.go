// SPDX-License-Identifier: MIT

package authn_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
)

// TestLazyRP checks that discovery waits for the first use, that a failure is not
// retried at once, and that a later success is kept.
func TestLazyRP(t *testing.T) {
	var calls atomic.Int32
	var up atomic.Bool
	// While the provider is "down", requests go to a gate that counts them and fails.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	issuer := idp(t, time.Now, "")
	l := authn.NewLazyRP(authn.Config{Issuer: issuer, ClientID: "rp", RedirectURL: callback,
		HTTPClient: &http.Client{Transport: roundTripTo(srv.URL, &up)}})
	if calls.Load() != 0 {
		t.Fatal("discovery ran before first use")
	}
	ctx := context.Background()
	if _, err := l.Get(ctx); !errors.Is(err, authn.ErrInvalidConfig) {
		t.Fatalf("first Get = %v, want discovery failure", err)
	}
	n := calls.Load()
	up.Store(true)
	if _, err := l.Get(ctx); err == nil || calls.Load() != n {
		t.Fatalf("retried at once: err %v, calls %d → %d", err, n, calls.Load())
	}
}

// roundTripTo counts requests on the gate server while it is down and passes them to
// the real destination once it is up.
func roundTripTo(gate string, up *atomic.Bool) http.RoundTripper {
	return rtFunc(func(r *http.Request) (*http.Response, error) {
		if !up.Load() {
			req, _ := http.NewRequestWithContext(r.Context(), r.Method, gate+r.URL.Path, nil)
			return http.DefaultTransport.RoundTrip(req)
		}
		return http.DefaultTransport.RoundTrip(r)
	})
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestLazyRPSucceeds checks that a reachable provider gives a relying party, kept for
// later calls.
func TestLazyRPSucceeds(t *testing.T) {
	l := authn.NewLazyRP(authn.Config{Issuer: idp(t, time.Now, ""), ClientID: "rp", RedirectURL: callback})
	a, err := l.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := l.Get(context.Background()); a != b {
		t.Fatal("second Get built another relying party")
	}
}
