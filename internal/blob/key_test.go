// SPDX-License-Identifier: MIT

package blob_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

func TestValidKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		key  string
		ok   bool
	}{
		{"simple", "a", true},
		{"storage rule key", "ttd/app/1f0e9c1c-4a43-4f43-9e8c-6b2a4b0e8b1a/data/9a3d", true},
		{"dots inside names", "a/.env/b..c/...", true},
		{"unicode", "skjema/æøå/日本", true},
		{"spaces", "a b/c d", true},
		{"max length", strings.Repeat("a", blob.MaxKeyLen), true},
		{"empty", "", false},
		{"too long", strings.Repeat("a", blob.MaxKeyLen+1), false},
		{"leading slash", "/a", false},
		{"only slash", "/", false},
		{"trailing slash", "a/", false},
		{"double slash", "a//b", false},
		{"dot", ".", false},
		{"dot segment", "a/./b", false},
		{"dotdot", "..", false},
		{"dotdot segment", "a/../b", false},
		{"dotdot escape", "../etc/passwd", false},
		{"trailing dotdot", "a/..", false},
		{"backslash", `a\b`, false},
		{"windows escape", `..\x`, false},
		{"nul", "a\x00b", false},
		{"newline", "a\nb", false},
		{"tab", "a\tb", false},
		{"del", "a\x7fb", false},
		{"c1 control", "a\u0085b", false},
		{"invalid utf8", "a\xffb", false},
		{"truncated utf8", "a\xc3", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := blob.ValidKey(tt.key)
			if tt.ok && err != nil {
				t.Fatalf("ValidKey(%q) = %v, want nil", tt.key, err)
			}
			if !tt.ok && !errors.Is(err, blob.ErrInvalidKey) {
				t.Fatalf("ValidKey(%q) = %v, want ErrInvalidKey", tt.key, err)
			}
		})
	}
}

func TestValidPrefix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prefix string
		ok     bool
	}{
		{"", true},
		{"a", true},
		{"a/", true},
		{"a/b/", true},
		{"a/.", true},  // prefix of "a/.env"
		{"a/..", true}, // prefix of "a/..b"
		{"/", false},
		{"/a", false},
		{"a//", false},
		{"../", false},
		{"a/../b", false},
		{"./", false},
		{`a\`, false},
		{"a\x00", false},
		{"\xff", false},
		{strings.Repeat("a", blob.MaxKeyLen+1), false},
	}
	for _, tt := range tests {
		err := blob.ValidPrefix(tt.prefix)
		if tt.ok && err != nil {
			t.Errorf("ValidPrefix(%q) = %v, want nil", tt.prefix, err)
		}
		if !tt.ok && !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("ValidPrefix(%q) = %v, want ErrInvalidKey", tt.prefix, err)
		}
	}
}

func TestValidKeyErrorIsShort(t *testing.T) {
	t.Parallel()
	err := blob.ValidKey(strings.Repeat("x", 5000))
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("error should quote a truncated key, got %d bytes", len(err.Error()))
	}
}

func FuzzValidKey(f *testing.F) {
	for _, s := range []string{"a", "a/b", "../x", "a/./b", `a\b`, "/a", "a//b", "a\x00", "\xff", ".a/..b"} {
		f.Add(s)
	}
	root := filepath.Join(string(filepath.Separator), "data", "root")
	f.Fuzz(func(t *testing.T, key string) {
		if err := blob.ValidKey(key); err != nil {
			if !errors.Is(err, blob.ErrInvalidKey) {
				t.Fatalf("ValidKey(%q) = %v, not ErrInvalidKey", key, err)
			}
			return
		}
		if err := blob.ValidPrefix(key); err != nil {
			t.Fatalf("valid key %q rejected as prefix: %v", key, err)
		}
		joined := filepath.Join(root, filepath.FromSlash(key))
		rel, err := filepath.Rel(root, joined)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			t.Fatalf("key %q escapes root: joined %q rel %q", key, joined, rel)
		}
		if filepath.ToSlash(rel) != key {
			t.Fatalf("key %q is not canonical: resolves to %q", key, rel)
		}
	})
}
