// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/client/clienttest"
)

// TestDownloadDurableBeforeConfirm: before an instance is confirmed, every
// folder its files live in is synced after the entries it gained were made:
// the folders created for it (out/ttd, out/ttd/app, the instance's own) in
// their parents, and the instance's folder once for each renamed file — both
// data files and instance.json. Otherwise a power cut after the confirmation
// could lose a submission the runtime will never list again.
func TestDownloadDurableBeforeConfirm(t *testing.T) {
	srv := fakeRuntime(t)
	out := filepath.Join(t.TempDir(), "new")
	var mu sync.Mutex
	synced := map[string]int{}
	orig := fsyncDir
	t.Cleanup(func() { fsyncDir = orig })
	fsyncDir = func(d string) error {
		err := orig(d) // counted once done: a sync under way has not made anything durable yet
		mu.Lock()
		synced[filepath.Clean(d)]++
		mu.Unlock()
		return err
	}
	atConfirm := map[string]map[string]int{}
	srv.BeforeComplete = func(in *clienttest.Instance) {
		mu.Lock()
		defer mu.Unlock()
		snap := map[string]int{}
		for k, v := range synced {
			snap[k] = v
		}
		atConfirm[in.GUID] = snap
	}
	if res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm"); err != nil {
		t.Fatalf("download: %v\n%s", err, res)
	}
	for i := range 3 {
		snap := atConfirm[fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i)]
		if snap == nil {
			t.Fatalf("instance %d was not confirmed", i)
		}
		for _, dir := range []string{filepath.Dir(out), out, filepath.Join(out, "ttd"), filepath.Join(out, "ttd", "app")} {
			if snap[dir] == 0 {
				t.Errorf("instance %d confirmed before %s was synced", i, strings.TrimPrefix(dir, filepath.Dir(out)))
			}
		}
		// Two data files and instance.json were renamed into the folder.
		if n := snap[instDir(out, i)]; n < 3 {
			t.Errorf("instance %d confirmed after its folder was synced %d times, want 3 (two files, instance.json)", i, n)
		}
	}
}

// TestDownloadStopsWhenUnreachable: when the runtime goes away mid-run, the
// first call whose retries find nothing listening (and a probe agrees) stops
// the run: one "stopped" report instead of a failure for every file and
// confirmation left, and a non-zero exit that says why. A download in flight
// when the stop comes is counted as broken off, not listed as a failure.
func TestDownloadStopsWhenUnreachable(t *testing.T) {
	srv := fakeRuntime(t)
	srv.PageSize = 1
	srv.Config.SetKeepAlivesEnabled(false)
	gone := make(chan struct{})
	var once sync.Once
	srv.BeforeComplete = func(*clienttest.Instance) {
		once.Do(func() { _ = srv.Listener.Close(); close(gone) }) // this answer is the last
	}
	srv.Fail = func(r *http.Request) int {
		if strings.Contains(r.URL.Path, "/data/d2-att") { // in flight when the stop comes
			<-gone
			time.Sleep(3 * time.Second)
		}
		return 0
	}
	out := t.TempDir()
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm", "--parallel", "4")
	if err == nil || !errors.Is(err, errUnreachable) {
		t.Fatalf("download against a runtime gone: err %v, want %v\n%s", err, errUnreachable, res)
	}
	if !strings.Contains(res, "stopped: the runtime cannot be reached") || strings.Contains(res, " failed:") {
		t.Errorf("report:\n%s", res)
	}
	if strings.Contains(res, " 0 confirmed") {
		t.Errorf("the instance confirmed before the runtime went is not reported:\n%s", res)
	}
}

// TestBreakerProbe: a call that found nothing listening trips the breaker
// only when the runtime's address still refuses a moment later; one that
// answers again (a restart) leaves the failure to be listed as any other.
func TestBreakerProbe(t *testing.T) {
	up, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	down, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downAddr := down.Addr().String()
	down.Close()
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, tt := range []struct {
		name, url string
		err       error
		trips     bool
	}{
		{"gone and still gone", "http://" + downAddr, refused, true},
		{"refused once, answering again", "http://" + up.Addr().String(), refused, false},
		{"not a reachability error", "http://" + downAddr, errors.New("500"), false},
	} {
		b := newBreaker(tt.url)
		b.pauses = time.Millisecond
		ctx, done := b.start(context.Background())
		if got := b.absorb("x", tt.err); got != tt.trips || (ctx.Err() != nil) != tt.trips {
			t.Errorf("%s: absorbed %v, stopped %v, want %v", tt.name, got, ctx.Err() != nil, tt.trips)
		}
		done()
	}
}

func TestUnreachable(t *testing.T) {
	dial := func(err error) error {
		return &url.Error{Op: "Get", URL: "http://x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"refused", dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), true},
		{"no route", dial(os.NewSyscallError("connect", syscall.EHOSTUNREACH)), true},
		{"no name", dial(&net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}), true},
		{"too many open files", dial(os.NewSyscallError("socket", syscall.EMFILE)), false},
		{"cancelled", context.Canceled, false},
		{"a server error", errors.New("answered 500"), false},
	} {
		if got := unreachable(tt.err); got != tt.want {
			t.Errorf("%s: unreachable = %v, want %v", tt.name, got, tt.want)
		}
	}
}
