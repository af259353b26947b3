// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCommitWritesAndMovesBranch(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	h := mustCommit(t, r, "main", head, "Add a note and drop the xsd",
		file("App/notes/readme.md", "hei\n"),
		Change{Path: "App/models/model.xsd", Delete: true},
		file("App/config/texts/resource.nb.json", `{"language":"nb","resources":[]}`))
	if got, _ := r.Head(ctx, "main"); got != h {
		t.Fatalf("main = %s, want %s", got, h)
	}
	if data, err := r.ReadFile(ctx, "main", "App/notes/readme.md"); err != nil || string(data) != "hei\n" {
		t.Errorf("readme = %q, %v", data, err)
	}
	if _, err := r.ReadFile(ctx, "main", "App/models/model.xsd"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted xsd: err = %v, want ErrNotFound", err)
	}
	// The old version is still there, and git itself agrees with go-git.
	if _, err := r.ReadFile(ctx, head, "App/models/model.xsd"); err != nil {
		t.Errorf("xsd at the parent: %v", err)
	}
	gitOut(t, r.Dir(), "fsck", "--strict", "--no-dangling")
	if got := gitOut(t, r.Dir(), "log", "--format=%s|%an", "main"); got != "Add a note and drop the xsd|Alice Test\nApp created|Alice Test" {
		t.Errorf("git log = %q", got)
	}
	if got := gitOut(t, r.Dir(), "show", "main:App/notes/readme.md"); got != "hei" {
		t.Errorf("git show = %q", got)
	}
}

func TestCommitDeletesFolder(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	mustCommit(t, r, "main", head, "drop models", Change{Path: "App/models", Delete: true})
	es, err := r.List(context.Background(), "main", "App", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Path == "App/models" {
			t.Errorf("App/models still listed: %+v", es)
		}
	}
}

func TestCommitStaleParent(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	second := mustCommit(t, r, "main", head, "first save", file("a.txt", "1"))
	_, err := r.Commit(ctx, "main", head, alice, "save from an old tab", []Change{file("a.txt", "2")})
	if !errors.Is(err, ErrStale) {
		t.Fatalf("err = %v, want ErrStale", err)
	}
	if got, _ := r.Head(ctx, "main"); got != second {
		t.Errorf("main moved to %s after a stale save", got)
	}
	if data, _ := r.ReadFile(ctx, "main", "a.txt"); string(data) != "1" {
		t.Errorf("a.txt = %q, the stale save leaked in", data)
	}
}

func TestCommitRejectsBadChanges(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	tests := []struct {
		name    string
		changes []Change
		want    error
	}{
		{"none", nil, ErrBadChange},
		{"absolute", []Change{file("/etc/passwd", "x")}, ErrBadChange},
		{"dotdot", []Change{file("App/../../x", "x")}, ErrBadChange},
		{"dot git", []Change{file(".git/config", "x")}, ErrBadChange},
		{"dot git upper", []Change{file("App/.GIT/x", "x")}, ErrBadChange},
		{"unclean", []Change{file("App//x", "x")}, ErrBadChange},
		{"trailing slash", []Change{file("App/x/", "x")}, ErrBadChange},
		{"both", []Change{{Path: "a", Content: []byte("x"), Delete: true}}, ErrBadChange},
		{"twice", []Change{file("a", "1"), file("a", "2")}, ErrBadChange},
		{"file over folder", []Change{file("App/config", "x")}, ErrBadChange},
		{"folder under file", []Change{file("App/config/applicationmetadata.json/x", "x")}, ErrBadChange},
		{"delete missing", []Change{{Path: "nope.txt", Delete: true}}, ErrNotFound},
		{"delete everything", []Change{{Path: "App", Delete: true}}, ErrBadChange},
		{"same content", []Change{file("App/models/model.xsd", mustRead(t, r, head, "App/models/model.xsd"))}, ErrNothingToDo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Commit(context.Background(), "main", head, alice, "x", tt.changes)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if got, _ := r.Head(context.Background(), "main"); got != head {
				t.Fatalf("main moved on a rejected commit")
			}
		})
	}
	if _, err := r.Commit(context.Background(), "main", "abc", alice, "x", []Change{file("a", "1")}); !errors.Is(err, ErrBadChange) {
		t.Errorf("short parent hash: err = %v", err)
	}
	if _, err := r.Commit(context.Background(), "nope", head, alice, "x", []Change{file("a", "1")}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing branch: err = %v", err)
	}
}

func mustRead(t *testing.T, r *Repo, rev, p string) string {
	t.Helper()
	data, err := r.ReadFile(context.Background(), rev, p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestConcurrentCommitsOneWins: many saves on the same parent at once;
// exactly one moves the branch, every other gets ErrStale.
func TestConcurrentCommitsOneWins(t *testing.T) {
	s := newStore(t)
	_, head := newApp(t, s, "skjema")
	const n = 12
	var wg sync.WaitGroup
	results := make([]error, n)
	hashes := make([]string, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := s.Open(context.Background(), "ttd", "skjema")
			if err != nil {
				results[i] = err
				return
			}
			<-start
			hashes[i], results[i] = r.Commit(context.Background(), "main", head, alice, "racer",
				[]Change{file("race.txt", strings.Repeat("x", i+1))})
		}()
	}
	close(start)
	wg.Wait()
	winners := 0
	winner := ""
	for i, err := range results {
		switch {
		case err == nil:
			winners++
			winner = hashes[i]
		case !errors.Is(err, ErrStale):
			t.Errorf("racer %d: %v", i, err)
		}
	}
	if winners != 1 {
		t.Fatalf("%d winners, want exactly 1", winners)
	}
	r, _ := s.Open(context.Background(), "ttd", "skjema")
	if got, _ := r.Head(context.Background(), "main"); got != winner {
		t.Errorf("main = %s, want the winner %s", got, winner)
	}
}

// TestCommitRespectsGitLock: while git holds the branch lock (as
// receive-pack does during a push), a save waits and then gives up; it
// never writes the ref behind git's back. go-git's CheckAndSetReference
// alone would ignore the lock file and succeed here.
func TestCommitRespectsGitLock(t *testing.T) {
	s := newStore(t)
	s.lockTimeout = 150 * time.Millisecond
	r, head := newApp(t, s, "skjema")
	lock := filepath.Join(r.Dir(), "refs", "heads", "main.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := r.Commit(context.Background(), "main", head, alice, "blocked", []Change{file("a", "1")})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if got, _ := r.Head(context.Background(), "main"); got != head {
		t.Fatal("main moved while git held its lock")
	}
	// Released within the timeout: the save waits and lands.
	s.lockTimeout = 3 * time.Second
	go func() {
		time.Sleep(50 * time.Millisecond)
		os.Remove(lock)
	}()
	if _, err := r.Commit(context.Background(), "main", head, alice, "after", []Change{file("a", "1")}); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

// TestCommitOnPackedRef: after git pack-refs the branch lives only in
// packed-refs; the compare-and-swap must still see it.
func TestCommitOnPackedRef(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	gitOut(t, r.Dir(), "pack-refs", "--all", "--prune")
	if _, err := os.Stat(filepath.Join(r.Dir(), "refs", "heads", "main")); !os.IsNotExist(err) {
		t.Fatalf("loose ref still there: %v", err)
	}
	if _, err := r.Commit(context.Background(), "main", strings.Repeat("0", 39)+"1", alice, "x", []Change{file("a", "1")}); !errors.Is(err, ErrStale) {
		t.Errorf("wrong parent on a packed ref: %v", err)
	}
	h := mustCommit(t, r, "main", head, "x", file("a", "1"))
	if got := gitOut(t, r.Dir(), "rev-parse", "main"); got != h {
		t.Errorf("git sees main at %s, want %s", got, h)
	}
}
