// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
		mu.Lock()
		synced[filepath.Clean(d)]++
		mu.Unlock()
		return orig(d)
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
// first call whose retries find nothing listening stops the run: one
// "stopped" report instead of a failure (each after its own retries) for
// every file and confirmation left, and a non-zero exit.
func TestDownloadStopsWhenUnreachable(t *testing.T) {
	srv := fakeRuntime(t)
	srv.PageSize = 1
	srv.Config.SetKeepAlivesEnabled(false)
	var once sync.Once
	srv.BeforeComplete = func(*clienttest.Instance) {
		once.Do(func() { _ = srv.Listener.Close() }) // this answer is the last
	}
	out := t.TempDir()
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm", "--parallel", "1")
	if err == nil || !errors.Is(err, errUnreachable) {
		t.Fatalf("download against a runtime gone: err %v, want %v\n%s", err, errUnreachable, res)
	}
	if !strings.Contains(res, "stopped: the runtime cannot be reached") || strings.Contains(res, " failed:") {
		t.Errorf("report:\n%s", res)
	}
	if !strings.Contains(res, "1 confirmed") {
		t.Errorf("the instance confirmed before the runtime went is not reported:\n%s", res)
	}
	t.Log(res)
}
