// SPDX-License-Identifier: MIT

package fsblob

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

// recordSyncs replaces s's directory fsync with a recorder that still syncs.
func recordSyncs(s *Store) func() []string {
	var (
		mu     sync.Mutex
		synced []string
	)
	s.syncer.do = func(dir string) error {
		mu.Lock()
		synced = append(synced, dir)
		mu.Unlock()
		return s.syncDir(dir)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := slices.Sorted(slices.Values(synced))
		synced = nil
		return out
	}
}

// TestPutSyncsChangedDirectories checks which directory entries a Put makes
// durable: the one it renamed into and the parent of each directory it created,
// and nothing once those are known.
func TestPutSyncsChangedDirectories(t *testing.T) {
	tests := []struct {
		name string
		sync Sync
		keys []string
		want [][]string
	}{
		{"full", SyncFull, []string{"a/b/1", "a/b/2", "a/c/1", "top"}, [][]string{
			{"objects", "objects/a", "objects/a/b"},
			{"objects/a/b"},
			{"objects/a", "objects/a/c"},
			{"objects"},
		}},
		{"none", SyncNone, []string{"a/b/1", "a/b/2"}, [][]string{nil, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(t.TempDir(), WithSync(tt.sync))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			synced := recordSyncs(s)
			for i, key := range tt.keys {
				if _, err := s.Put(t.Context(), key, strings.NewReader("x"), blob.PutOptions{}); err != nil {
					t.Fatal(err)
				}
				if got := synced(); !slices.Equal(got, tt.want[i]) {
					t.Errorf("Put(%s) synced %q, want %q", key, got, tt.want[i])
				}
			}
		})
	}
}

// TestPutAfterPrune: Delete removes emptied directories, so the next Put into
// them must create them again and sync their parents again.
func TestPutAfterPrune(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	synced := recordSyncs(s)
	ctx := t.Context()
	for _, step := range []string{"put", "delete", "put"} {
		if step == "delete" {
			if err := s.Delete(ctx, "a/b/1"); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := s.Put(ctx, "a/b/1", strings.NewReader("x"), blob.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, want := synced(), []string{"objects", "objects/a", "objects/a/b"}; !slices.Equal(got, want) {
			t.Fatalf("Put after %s synced %q, want %q", step, got, want)
		}
	}
}

// TestDirSyncerGroups holds the first batch's fsync while other callers arrive:
// they must share the next batch, and a directory they all changed is synced
// once for all of them, after they joined.
func TestDirSyncerGroups(t *testing.T) {
	var (
		mu      sync.Mutex
		calls   = map[string]int{}
		release = make(chan struct{})
	)
	y := &dirSyncer{do: func(dir string) error {
		if dir == "first" {
			<-release
		}
		mu.Lock()
		calls[dir]++
		mu.Unlock()
		return nil
	}}
	var wg sync.WaitGroup
	wg.Go(func() { _ = y.sync([]string{"first"}) })
	waitFor(t, func() bool { y.mu.Lock(); defer y.mu.Unlock(); return y.busy })
	const n = 8
	for i := range n {
		wg.Go(func() {
			if err := y.sync([]string{"shared", string(rune('a' + i))}); err != nil {
				t.Error(err)
			}
		})
	}
	waitFor(t, func() bool {
		y.mu.Lock()
		defer y.mu.Unlock()
		return y.pending != nil && len(y.pending.dirs) == n+1
	})
	close(release)
	wg.Wait()
	if calls["shared"] != 1 || calls["first"] != 1 || len(calls) != n+2 {
		t.Fatalf("fsync calls %v; want each directory once", calls)
	}
	// The last leader clears busy just after waking its callers.
	waitFor(t, func() bool { y.mu.Lock(); defer y.mu.Unlock(); return !y.busy && y.pending == nil })
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 5s")
		}
	}
}

func TestParseSync(t *testing.T) {
	for in, want := range map[string]Sync{"": SyncFull, "full": SyncFull, "none": SyncNone} {
		if got, err := ParseSync(in); err != nil || got != want {
			t.Errorf("ParseSync(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseSync("sometimes"); err == nil {
		t.Error("ParseSync accepted an unknown policy")
	}
}
