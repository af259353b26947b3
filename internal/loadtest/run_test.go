// SPDX-License-Identifier: MIT

package loadtest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		ok   bool
	}{
		{"defaults", Options{Clients: 64, Duration: 10 * time.Second}, true},
		{"count", Options{Clients: 1, Duration: time.Second, Count: 5}, true},
		{"no clients", Options{Clients: 0, Duration: time.Second}, false},
		{"too many clients", Options{Clients: MaxClients + 1, Duration: time.Second}, false},
		{"no duration", Options{Clients: 1}, false},
		{"too long", Options{Clients: 1, Duration: MaxDuration + 1}, false},
		{"negative count", Options{Clients: 1, Duration: time.Second, Count: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opt.Validate()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrOptions)) {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	lat := make([]time.Duration, 100)
	for i := range lat {
		lat[i] = time.Duration(i+1) * time.Millisecond
	}
	tests := []struct {
		lat  []time.Duration
		p    int
		want time.Duration
	}{
		{lat, 50, 50 * time.Millisecond},
		{lat, 95, 95 * time.Millisecond},
		{lat, 99, 99 * time.Millisecond},
		{lat[:1], 99, time.Millisecond},
		{lat[:10], 95, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := percentile(tt.lat, tt.p); got != tt.want {
			t.Errorf("percentile(%d values, %d) = %s, want %s", len(tt.lat), tt.p, got, tt.want)
		}
	}
}

func TestRunStopsAtCountAndCountsErrors(t *testing.T) {
	var calls atomic.Int64
	r, err := Run(context.Background(), "x", Options{Clients: 4, Duration: 10 * time.Second, Count: 20}, func(context.Context, int) error {
		if calls.Add(1)%5 == 0 {
			return errors.New("boom")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Requests != 20 || r.Errors != 4 || r.FirstError != "boom" || calls.Load() != 20 {
		t.Fatalf("result %+v after %d calls", r, calls.Load())
	}
	var buf bytes.Buffer
	if err := Print(&buf, []Result{r, {Name: "page", Skipped: "no forms UI"}}, &r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scenario", "1.00", "x: first error: boom", "page: skipped: no forms UI"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestRunStopsAtDuration(t *testing.T) {
	start := time.Now()
	r, err := Run(context.Background(), "x", Options{Clients: 2, Duration: 50 * time.Millisecond}, func(context.Context, int) error {
		time.Sleep(time.Millisecond)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second || r.Requests == 0 || r.P99 < time.Millisecond {
		t.Fatalf("ran %s: %+v", d, r)
	}
}

// TestRunPerRequest runs operations of three HTTP requests each: the result
// counts operations, PerRequest counts each request, with its own (shorter)
// latencies, and Steps splits them by place, named after method and path, each
// with its own latencies (the server sleeps 2, 4 and 8 ms on the three paths);
// an operation of one request has neither.
func TestRunPerRequest(t *testing.T) {
	sleep := map[string]time.Duration{"/app/instances": 2 * time.Millisecond,
		"/app/instances/51001/data/0f3c2a9e": 4 * time.Millisecond, "/app/process/next": 8 * time.Millisecond}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(sleep[r.URL.Path])
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	hc := NewHTTPClient(2)
	three := func(ctx context.Context, _ int) error {
		for _, c := range []struct{ method, path string }{{http.MethodPost, "/app/instances?party=1"},
			{http.MethodPut, "/app/instances/51001/data/0f3c2a9e"}, {http.MethodPut, "/app/process/next"}} {
			if err := Expect(ctx, hc, c.method, srv.URL+c.path, nil, http.StatusNoContent, nil); err != nil {
				return err
			}
		}
		return nil
	}
	r, err := Run(context.Background(), "submit", Options{Clients: 2, Duration: 10 * time.Second, Count: 10}, three)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 || r.PerRequest == nil || r.PerRequest.Requests != 3*r.Requests || r.PerRequest.Name != "submit (per request)" {
		t.Fatalf("result %+v, per request %+v", r, r.PerRequest)
	}
	if r.PerRequest.P50 >= r.P50 || r.PerRequest.P50 < 2*time.Millisecond {
		t.Errorf("per-request p50 %s, operation p50 %s", r.PerRequest.P50, r.P50)
	}
	wantSteps := []struct {
		name  string
		floor time.Duration
	}{{"submit: POST /app/instances", 2 * time.Millisecond}, {"submit: PUT /data/{id}", 4 * time.Millisecond},
		{"submit: PUT /process/next", 8 * time.Millisecond}}
	if len(r.Steps) != len(wantSteps) {
		t.Fatalf("steps %+v, want %d", r.Steps, len(wantSteps))
	}
	for i, w := range wantSteps {
		if s := r.Steps[i]; s.Name != w.name || s.Requests != r.Requests || s.P50 < w.floor || s.P50 >= r.P50 {
			t.Errorf("step %d: %+v, want %q with %d requests, p50 at least %s and below the operation's %s",
				i, s, w.name, r.Requests, w.floor, r.P50)
		}
	}
	var buf bytes.Buffer
	if err := Print(&buf, []Result{r}, nil); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{`submit \(per request\) +30 +0 `, `submit: PUT /data/\{id\} +10 +0 `, `submit: PUT /process/next +10 +0 `} {
		if !regexp.MustCompile(row).MatchString(buf.String()) {
			t.Errorf("report lacks the row %s:\n%s", row, buf.String())
		}
	}
	one, err := Run(context.Background(), "page", Options{Clients: 1, Duration: 10 * time.Second, Count: 3}, func(ctx context.Context, _ int) error {
		return Expect(ctx, hc, http.MethodGet, srv.URL, nil, http.StatusNoContent, nil)
	})
	if err != nil || one.PerRequest != nil || one.Steps != nil {
		t.Fatalf("one request per operation: %+v, %v", one, err)
	}
}

// TestRunCPU checks that a run reports the CPU the process spent on it, not
// the time it took: operations that each hash 8 MiB must show at least a
// millisecond each, and operations that only sleep 50 ms far less than that.
func TestRunCPU(t *testing.T) {
	busy := func(context.Context, int) error {
		h := sha256.New()
		buf := make([]byte, 1<<20)
		for range 8 {
			h.Write(buf)
		}
		return nil
	}
	r, err := Run(context.Background(), "busy", Options{Clients: 2, Duration: 10 * time.Second, Count: 20}, busy)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ProcessCPU(); !ok {
		t.Skip("this system reports no process CPU")
	}
	// 8 MiB of SHA-256 takes milliseconds on any machine this runs on.
	if r.CPUPerOp() < time.Millisecond {
		t.Errorf("CPU per op %s for hashing 8 MiB", r.CPUPerOp())
	}
	var buf bytes.Buffer
	if err := Print(&buf, []Result{r}, nil); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`CPU per op[\s\S]*busy +20 +0 +\d+ +[\d.]+ms +[\d.]+ms +[\d.]+ms +[\d.]+ms +[\d.]+ms`).MatchString(buf.String()) {
		t.Errorf("report lacks the CPU column:\n%s", buf.String())
	}
	idle, err := Run(context.Background(), "idle", Options{Clients: 1, Duration: 10 * time.Second, Count: 4},
		func(context.Context, int) error { time.Sleep(50 * time.Millisecond); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if idle.CPUPerOp() > 25*time.Millisecond {
		t.Errorf("CPU per op %s for sleeping 50 ms: wall time, not CPU", idle.CPUPerOp())
	}
}

// TestRunDBCPU checks that a run reads Options.DBCPU before and after and
// reports the difference, per operation in the table; a probe that cannot read
// leaves it at 0, shown as "-".
func TestRunDBCPU(t *testing.T) {
	var calls int
	rising := func() (time.Duration, bool) { calls++; return time.Duration(calls) * 300 * time.Millisecond, true }
	r, err := Run(context.Background(), "db", Options{Clients: 1, Duration: 10 * time.Second, Count: 3, DBCPU: rising},
		func(context.Context, int) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 || r.DBCPU != 300*time.Millisecond || r.DBCPUPerOp() != 100*time.Millisecond {
		t.Fatalf("%d probe calls, DBCPU %s (%s per op); want 2 calls, 300ms, 100ms per op", calls, r.DBCPU, r.DBCPUPerOp())
	}
	broken, err := Run(context.Background(), "nodb", Options{Clients: 1, Duration: 10 * time.Second, Count: 3,
		DBCPU: func() (time.Duration, bool) { return time.Hour, false }}, func(context.Context, int) error { return nil })
	if err != nil || broken.DBCPU != 0 {
		t.Fatalf("unreadable probe: DBCPU %s, %v; want 0", broken.DBCPU, err)
	}
	var buf bytes.Buffer
	if err := Print(&buf, []Result{r, broken}, nil); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`DB CPU per op[\s\S]*\n +db +3 +0 .* 100\.000ms +- +- *\n +nodb +3 +0 .* - +- +- *\n`).MatchString(buf.String()) {
		t.Errorf("report lacks the DB CPU column:\n%s", buf.String())
	}
}

// TestCallLabel names requests by method and the last two path segments, ids
// shown as {id}.
func TestCallLabel(t *testing.T) {
	for _, c := range []struct{ method, url, want string }{
		{"POST", "http://h/ttd/signing-test/instances?instanceOwnerPartyId=51001", "POST /signing-test/instances"},
		{"PUT", "http://h/ttd/a/instances/51001/6f1e0c1a-2b3c-4d5e-8f90-123456789abc/data/0d9a7c6e-1f2a-4b3c-9d8e-7f6a5b4c3d2e", "PUT /data/{id}"},
		{"PUT", "http://h/ttd/a/instances/51001/6f1e0c1a-2b3c/process/next", "PUT /process/next"},
		{"GET", "http://h/ttd/a/instance/51001/guid1/page2", "GET /guid1/page2"},
		{"GET", "http://h/", "GET /"},
		{"GET", "http://h/v1/42", "GET /v1/{id}"},
	} {
		if got := callLabel(c.method, c.url); got != c.want {
			t.Errorf("callLabel(%s, %s) = %q, want %q", c.method, c.url, got, c.want)
		}
	}
}
