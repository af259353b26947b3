// SPDX-License-Identifier: MIT

//go:build linux

package fsblob_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

// TestMetadataInXattr: where the file system has user extended attributes a Put
// writes no sidecar; objects written with a sidecar (older versions, or a file
// system without them) still read with their metadata; an object rewritten in
// place by hand reads with the digest of its new bytes.
func TestMetadataInXattr(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := newStore(t, dir)
	ctx := t.Context()
	if _, err := s.Put(ctx, "a/b/k", strings.NewReader("content"), blob.PutOptions{ContentType: "text/plain"}); err != nil {
		t.Fatal(err)
	}
	var buf [512]byte
	if _, err := syscall.Getxattr(filepath.Join(dir, "objects", "a/b/k"), "user.blankett.blob", buf[:]); err != nil {
		if errors.Is(err, syscall.ENOTSUP) {
			t.Skip("no user extended attributes on this file system")
		}
		t.Fatalf("no metadata attribute on the object: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".meta", "a")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a Put with the metadata in an extended attribute made a sidecar tree: %v", err)
	}
	checkInfo(t, s, "a/b/k", "content", "text/plain")

	// An object with a sidecar only, as an older version wrote it.
	fi := writeObject(t, dir, "old", "old content")
	side, _ := json.Marshal(map[string]any{"sha256": digest("old content"), "contentType": "image/png",
		"size": fi.Size(), "modTime": fi.ModTime().UnixNano()})
	if err := os.WriteFile(filepath.Join(dir, ".meta", "old"), side, 0o600); err != nil {
		t.Fatal(err)
	}
	checkInfo(t, s, "old", "old content", "image/png")

	// Rewritten in place: the attribute stays on the inode but no longer fits.
	if err := os.WriteFile(filepath.Join(dir, "objects", "a/b/k"), []byte("changed by hand"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkInfo(t, s, "a/b/k", "changed by hand", "application/octet-stream")

	if err := s.Delete(ctx, "a/b/k"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "objects", "a")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Delete left the object's directories: %v", err)
	}
}

func writeObject(t *testing.T, dir, key, content string) os.FileInfo {
	t.Helper()
	p := filepath.Join(dir, "objects", key)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func checkInfo(t *testing.T, s blob.Store, key, content, ct string) {
	t.Helper()
	info, err := s.Stat(t.Context(), key)
	if err != nil {
		t.Fatal(err)
	}
	if info.SHA256 != digest(content) || info.Size != int64(len(content)) || info.ContentType != ct {
		t.Errorf("Stat(%q) = %+v, want %d bytes, %s, %s", key, info, len(content), digest(content), ct)
	}
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
