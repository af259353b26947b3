// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/blankett/blankett/internal/testenv/syncbuf"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildOnce builds the real binary once per test process, as an operator would run it.
var buildOnce = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "blankett-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "blankett")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func binary(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds and runs the binary; skipped with -short")
	}
	bin, err := buildOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return bin
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// server is a running `blankett serve`, `studio` or `runtime` process.
type server struct {
	cmd           *exec.Cmd
	public, admin string
	logs          *syncbuf.Buffer
}

func startServe(tb testing.TB, bin, dataDir string, extra ...string) *server {
	tb.Helper()
	return startRole(tb, bin, "serve", dataDir, extra...)
}

// startRole starts `blankett <role>` (serve, studio or runtime) on free loopback
// ports with its data in dataDir.
func startRole(tb testing.TB, bin, role, dataDir string, extra ...string) *server {
	tb.Helper()
	s := &server{public: freeAddr(tb), admin: freeAddr(tb), logs: &syncbuf.Buffer{}}
	args := append([]string{role, "--data-dir", dataDir, "--addr", s.public, "--admin-addr", s.admin}, extra...)
	s.cmd = exec.Command(bin, args...)
	s.cmd.Env = append(os.Environ(), "BLANKETT_DATABASE=") // the test decides the database
	s.cmd.Stderr = s.logs
	if err := s.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	return s
}

// waitReady polls /readyz until 200 and returns how long that took from start.
func (s *server) waitReady(tb testing.TB, since time.Time) time.Duration {
	tb.Helper()
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		resp, err := client.Get("http://" + s.admin + "/readyz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return time.Since(since)
			}
		}
	}
	tb.Fatalf("not ready after 30s; logs:\n%s", s.logs)
	return 0
}

func (s *server) stop(tb testing.TB) error {
	tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(15 * time.Second):
		return errors.New("did not stop within 15s of SIGTERM")
	}
}

func TestServeBinary(t *testing.T) {
	bin := binary(t)
	s := startServe(t, bin, t.TempDir(), "--s3-secret-key", "NEVER-LOG-ME", "--app", "../../deploy/demo/skjema")
	s.waitReady(t, time.Now())
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"http://" + s.public + "/", 200, ">Blankett</h1>"},
		{"http://" + s.public + "/", 200, `href="/ttd/skjema/">Demoskjema</a>`},
		{"http://" + s.public + "/studio/", 200, "<html"},
		{"http://" + s.public + "/nope", 404, `"code":"not_found"`},
		{"http://" + s.public + "/login", 503, `"code":"login_not_configured"`},
		{"http://" + s.admin + "/healthz", 200, `"status":"ok"`},
		{"http://" + s.admin + "/readyz", 200, `"database":"ok"`},
		{"http://" + s.admin + "/metrics", 200, "blankett_http_requests_total"},
	}
	for _, tt := range tests {
		resp, err := http.Get(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != tt.status || !bytes.Contains(body, []byte(tt.want)) {
			t.Errorf("GET %s = %d, want %d containing %q; body: %.300s", tt.path, resp.StatusCode, tt.status, tt.want, body)
		}
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, s.logs)
	}
	logs := s.logs.String()
	for _, want := range []string{`"msg":"ready"`, `"msg":"stopped"`, `"s3-secret-key":"[redacted]"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s", want)
		}
	}
	if strings.Contains(logs, "NEVER-LOG-ME") {
		t.Error("a secret reached the logs")
	}
}

func TestBinaryCommands(t *testing.T) {
	bin := binary(t)
	data := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"version", []string{"version"}, 0, "blankett "},
		{"bad backend", []string{"serve", "--blob", "ftp", "--data-dir", data}, 2, "--blob \"ftp\""},
		{"several errors at once", []string{"serve", "--addr", "x", "--log-level", "loud"}, 2, "--log-level"},
		{"half-configured login", []string{"serve", "--data-dir", data, "--oidc-issuer", "https://idp.example.no"}, 2, "--token-signing-key-file is required"},
		{"runtime alone, half-configured login", []string{"runtime", "--data-dir", data, "--oidc-client-id", "x"}, 2, "--oidc-issuer is required"},
		{"dev seed without dev", []string{"serve", "--data-dir", data, "--dev-seed", "seed.json"}, 2, "--dev-seed needs --dev"},
		{"migrate", []string{"migrate", "--data-dir", data}, 0, "runtime: applied 1 create runtime_installation"},
		{"migrate again", []string{"migrate", "--data-dir", data}, 0, "studio: up to date"},
		{"unknown command", []string{"frobnicate"}, 1, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = append(os.Environ(), "BLANKETT_DATABASE=")
			out, err := cmd.CombinedOutput()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.wantCode || !strings.Contains(string(out), tt.want) {
				t.Fatalf("exit %d, want %d; output must contain %q:\n%s", code, tt.wantCode, tt.want, out)
			}
		})
	}
}

// BenchmarkStartup measures wall time from exec of `blankett serve` on an empty data
// directory to the first 200 from /readyz (migrations, SQLite creation and all).
func BenchmarkStartup(b *testing.B) {
	bin := binary(b)
	for b.Loop() {
		dir := b.TempDir()
		startAt := time.Now()
		s := startServe(b, bin, dir)
		d := s.waitReady(b, startAt)
		b.ReportMetric(float64(d.Milliseconds()), "ms-to-ready")
		if err := s.stop(b); err != nil {
			b.Fatal(err)
		}
	}
}
