// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateOpenDelete(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	r, head := newApp(t, s, "skjema")
	if want := filepath.Join(s.Root(), "ttd", "skjema.git"); r.Dir() != want {
		t.Errorf("dir = %s, want %s", r.Dir(), want)
	}
	if got := gitOut(t, r.Dir(), "symbolic-ref", "HEAD"); got != "refs/heads/main" {
		t.Errorf("HEAD = %s", got)
	}
	if got := gitOut(t, r.Dir(), "config", "receive.denyNonFastForwards"); got != "true" {
		t.Errorf("denyNonFastForwards = %s", got)
	}
	if got := gitOut(t, r.Dir(), "rev-parse", "main"); got != head {
		t.Errorf("main = %s, want %s", got, head)
	}
	if _, err := s.Create(ctx, "ttd", "skjema", alice); !errors.Is(err, ErrExists) {
		t.Errorf("second create: %v", err)
	}
	if _, err := s.Create(ctx, "ttd", "datamodels", alice); !errors.Is(err, ErrReservedName) {
		t.Errorf("reserved: %v", err)
	}
	if _, err := s.Create(ctx, "../etc", "skjema", alice); !errors.Is(err, ErrInvalidName) {
		t.Errorf("bad org: %v", err)
	}
	newApp(t, s, "annet")
	if apps, err := s.Apps(ctx, "ttd"); err != nil || len(apps) != 2 || apps[0] != "annet" || apps[1] != "skjema" {
		t.Errorf("Apps = %v, %v", apps, err)
	}
	// Failed creations leave no temporary folders behind.
	ents, _ := os.ReadDir(filepath.Join(s.Root(), "ttd"))
	if len(ents) != 2 {
		t.Errorf("org folder holds %d entries, want 2", len(ents))
	}
	if err := s.Delete(ctx, "ttd", "skjema"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(ctx, "ttd", "skjema"); !errors.Is(err, ErrNotFound) {
		t.Errorf("open after delete: %v", err)
	}
	if err := s.Delete(ctx, "ttd", "skjema"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if ents, _ := os.ReadDir(filepath.Join(s.Root(), "ttd")); len(ents) != 1 {
		t.Errorf("org folder holds %d entries after delete, want 1", len(ents))
	}
}

func TestCheckGitVersion(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "oldgit")
	if err := os.WriteFile(old, []byte("#!/bin/sh\necho 'git version 2.37.1'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckGitVersion(context.Background(), old); !errors.Is(err, ErrGitVersion) {
		t.Errorf("2.37: %v", err)
	}
	if _, err := New(context.Background(), dir, Options{Git: old}); !errors.Is(err, ErrGitVersion) {
		t.Errorf("New with old git: %v", err)
	}
	if _, err := CheckGitVersion(context.Background(), filepath.Join(dir, "missing")); !errors.Is(err, ErrGitVersion) {
		t.Errorf("missing git: %v", err)
	}
	if v, err := CheckGitVersion(context.Background(), "git"); err != nil || v == "" {
		t.Errorf("real git: %q, %v", v, err)
	}
}
