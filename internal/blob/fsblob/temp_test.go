// SPDX-License-Identifier: MIT

package fsblob_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

// TestUploadFilesBesideObjects: uploads in progress live in their destination
// folder under a reserved name, which no key may use; List never shows them and
// removes those a crash abandoned once they are stale.
func TestUploadFilesBesideObjects(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := newStore(t, dir)
	ctx := t.Context()
	for _, key := range []string{".fsblob-x", "a/.fsblob-0123"} {
		if _, err := s.Put(ctx, key, strings.NewReader("x"), blob.PutOptions{}); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Put(%q) = %v, want ErrInvalidKey", key, err)
		}
		if _, err := s.Stat(ctx, key); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Stat(%q) = %v, want ErrInvalidKey", key, err)
		}
	}
	if _, err := s.Put(ctx, "a/k", strings.NewReader("x"), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "objects", "a", ".fsblob-fresh")
	stale := filepath.Join(dir, "objects", "a", ".fsblob-stale")
	for _, p := range []string{fresh, stale} {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-25 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	var keys []string
	if err := s.List(ctx, "", func(i blob.Info) error { keys = append(keys, i.Key); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != "a/k" {
		t.Errorf("List = %q, want only a/k", keys)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale upload file not removed by List: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("an upload file that may still be in progress was removed: %v", err)
	}
}
