// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var alice = Author{Name: "Alice Test", Email: "alice@example.test"}

// newStore returns a store in a temporary folder whose clock ticks one
// second per commit, so commit order is the time order.
func newStore(t testing.TB) *Store {
	t.Helper()
	var tick atomic.Int64
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s, err := New(context.Background(), t.TempDir(), Options{Now: func() time.Time {
		return base.Add(time.Duration(tick.Add(1)) * time.Second)
	}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newApp creates ttd/<name> from the template and opens it.
func newApp(t testing.TB, s *Store, name string) (*Repo, string) {
	t.Helper()
	head, err := s.Create(context.Background(), "ttd", name, alice)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Open(context.Background(), "ttd", name)
	if err != nil {
		t.Fatal(err)
	}
	return r, head
}

// gitOut runs the git CLI on a repository, as an outside check on what
// go-git wrote.
func gitOut(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"--git-dir", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func mustCommit(t testing.TB, r *Repo, branch, parent, msg string, changes ...Change) string {
	t.Helper()
	h, err := r.Commit(context.Background(), branch, parent, alice, msg, changes)
	if err != nil {
		t.Fatalf("commit %q: %v", msg, err)
	}
	return h
}

func file(p, content string) Change { return Change{Path: p, Content: []byte(content)} }
