// SPDX-License-Identifier: MIT

package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/loadtest"
	"github.com/blankett/blankett/internal/testenv/syncbuf"
)

// envCrash turns the kill -9 reliability test on (.ci/services.sh exports it).
const envCrash = "BLANKETT_TEST_CRASH"

// crashWorkers are the concurrent clients of the load.
const crashWorkers = 32

// TestCrashRecovery is the reliability test of DESIGN §5. It runs the real
// binary (`blankett runtime`, the demo app deploy/demo/skjema, fs blobs), drives
// n submissions (instantiate with an Idempotency-Key, PUT the form data,
// process/next) from crashWorkers goroutines, kill -9s the process once half
// are acknowledged, restarts it on the same data and retries every submission
// without a definitive answer with the same key. Then it checks the database
// and the blob store directly (checkCrashState) and lets the orphan-blob
// sweeper run once (checkSweep).
//
// n is 2,000 on SQLite and 1,000 on PostgreSQL (BLANKETT_TEST_POSTGRES_DSN),
// which is slower per submission on a small CI machine; BLANKETT_TEST_CRASH=N
// (N > 1) sets n for both.
func TestCrashRecovery(t *testing.T) {
	v := os.Getenv(envCrash)
	if v == "" {
		t.Skip(envCrash + " not set: kill -9 reliability test skipped")
	}
	sqliteN, pgN := 2000, 1000
	if n, err := strconv.Atoi(v); err == nil && n > 1 {
		sqliteN, pgN = n, n
	}
	bin := binary(t)
	t.Run("sqlite", func(t *testing.T) { crashRun(t, bin, "", sqliteN) })
	t.Run("postgres", func(t *testing.T) { crashRun(t, bin, crashPostgres(t), pgN) })
}

// crashEnv is one run's data directory, database and keys.
type crashEnv struct {
	bin, dir, dsn, addr, keyFile string
	seed                         []byte
}

func crashRun(t *testing.T, bin, dsn string, n int) {
	ctx := context.Background()
	e := &crashEnv{bin: bin, dir: t.TempDir(), dsn: dsn, addr: freeAddr(t)}
	if e.dsn == "" {
		e.dsn = "sqlite:" + filepath.Join(e.dir, "blankett.db")
	}
	e.keyFile, e.seed = signingKeyFile(t, e.dir, "token.key")
	if out, err := exec.Command(bin, "migrate", "--data-dir", e.dir, "--database", e.dsn).CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	seed, err := seedEndUser(ctx, e.dsn)
	if err != nil {
		t.Fatal(err)
	}

	s := e.start(t)
	iss, err := issuerOf(ctx, "http://"+e.addr, authn.NewSigningKey(ed25519.NewKeyFromSeed(e.seed)))
	if err != nil {
		t.Fatal(err)
	}
	uid := strconv.FormatInt(seed.UserID, 10)
	token, _, err := iss.Issue(authn.Claims{Subject: uid, UserID: uid, PartyID: seed.UserPartyID, AuthLevel: 3,
		AuthMethod: "crash-test", Scopes: []string{"altinn:instances.read", "altinn:instances.write"}, ClientID: "crash-test"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	l := &crashLoad{hc: loadtest.NewHTTPClient(crashWorkers), base: "http://" + e.addr + "/ttd/skjema", token: token,
		party: strconv.FormatInt(seed.UserPartyID, 10), run: hex.EncodeToString(e.seed[:4]), subs: make([]crashSub, n)}

	// Phase 1: load, killed with SIGKILL once half the submissions are acknowledged.
	start := time.Now()
	killed := false
	fails, retries := l.drive(ctx, crashWorkers, func() bool {
		if !killed && l.acked.Load() >= int64(n/2) {
			killed = true
			if err := s.cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
		}
		return killed
	})
	_ = s.cmd.Wait()
	if !killed {
		t.Fatal("the load ended before the kill")
	}
	t.Logf("killed after %s: %s (%d answers not definitive)", time.Since(start).Round(time.Millisecond), l.counts(), retries)
	checkFails(t, fails)
	acked := make([]string, len(l.subs)) // instance ids acknowledged before the crash
	for i, sub := range l.subs {
		if sub.acked {
			acked[i] = sub.firstID
		}
	}

	// Phase 2: restart on the same data and finish every submission with its key.
	s = e.start(t)
	fails, retries = l.drive(ctx, crashWorkers, func() bool { return false })
	checkFails(t, fails)
	if retries > 0 || l.acked.Load() != int64(n) {
		t.Fatalf("after the restart: %s, %d answers not definitive", l.counts(), retries)
	}
	t.Logf("all %d submissions acknowledged after %s", n, time.Since(start).Round(time.Millisecond))
	if err := s.stop(t); err != nil {
		t.Fatalf("stop: %v\n%s", err, s.logs)
	}

	refs := checkCrashState(t, e, l, acked)
	t.Logf("database and blobs checked after %s", time.Since(start).Round(time.Millisecond))
	checkSweep(t, e, l, refs)
	t.Logf("sweep checked after %s", time.Since(start).Round(time.Millisecond))
}

// start runs `blankett runtime` on e's data and waits until it is ready. Login
// is configured so that platform tokens work; nobody logs in through a browser,
// and the issuer is a closed loopback port so nothing leaves the machine.
func (e *crashEnv) start(t *testing.T, extra ...string) *server {
	t.Helper()
	s := &server{public: e.addr, admin: freeAddr(t), logs: &syncbuf.Buffer{}}
	args := append([]string{"runtime", "--data-dir", e.dir, "--database", e.dsn, "--addr", s.public, "--admin-addr", s.admin,
		"--app", "../../deploy/demo/skjema", "--token-signing-key-file", e.keyFile, "--oidc-issuer", "https://127.0.0.1:1",
		"--oidc-client-id", "crash-test", "--login-state-key", hex.EncodeToString(e.seed), "--log-level", "warn",
		// The checks count each instance's elements: no PDF receipts appearing later.
		"--pdf-chromium", "off"}, extra...)
	s.cmd = exec.Command(e.bin, args...)
	s.cmd.Stderr = s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	s.waitReady(t, time.Now())
	return s
}

func checkFails(t *testing.T, fails []error) {
	t.Helper()
	for i, err := range fails {
		if i == 10 {
			t.Fatalf("… %d failures in all", len(fails))
		}
		t.Error(err)
	}
	if len(fails) > 0 {
		t.FailNow()
	}
}

// crashPostgres creates a fresh database on BLANKETT_TEST_POSTGRES_DSN's server,
// dropped at cleanup, and returns its DSN.
func crashPostgres(t *testing.T) string {
	dsn := freshPostgres(t, "blankett_crash")
	if dsn == "" {
		t.Skip("BLANKETT_TEST_POSTGRES_DSN not set: PostgreSQL run skipped")
	}
	return dsn
}

// metric reads one sample from the admin listener's /metrics; -1 when absent.
func metric(t *testing.T, s *server, name string) float64 {
	t.Helper()
	res, err := http.Get("http://" + s.admin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
	}
	return -1
}
