// SPDX-License-Identifier: MIT

package apphost

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadBundleHostile(t *testing.T) {
	small := Limits{MaxBundleSize: 1 << 20, MaxTotalSize: 1000, MaxFileSize: 600, MaxFiles: 4}
	reg := func(name string, size int64) tar.Header {
		return tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: size}
	}
	gzipOf := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		raw  func(t *testing.T) []byte
		lim  Limits
		want string // substring of the error
	}{
		{"parent traversal", entries(reg("../evil", 1)), small, "climbs out"},
		{"nested traversal", entries(reg("App/../../evil", 1)), small, "climbs out"},
		{"absolute path", entries(reg("/etc/passwd", 1)), small, "absolute path"},
		{"backslash", entries(reg(`App\..\evil`, 1)), small, "backslash"},
		{"symlink", entries(tar.Header{Name: "App/link", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"}), small, "is a link"},
		{"hardlink", entries(tar.Header{Name: "App/link", Typeflag: tar.TypeLink, Linkname: "App/a"}), small, "is a link"},
		{"char device", entries(tar.Header{Name: "App/dev", Typeflag: tar.TypeChar}), small, "device"},
		{"fifo", entries(tar.Header{Name: "App/fifo", Typeflag: tar.TypeFifo}), small, "device or pipe"},
		{"file too large", entries(reg("App/big", 601)), small, "larger than 600 bytes"},
		{"total too large", entries(reg("App/a", 600), reg("App/b", 600)), small, "unpacks to more than 1000"},
		{"too many files", entries(reg("a", 1), reg("b", 1), reg("c", 1), reg("d", 1), reg("e", 1)), small, "more than 4 entries"},
		{"too many directories", entries(tar.Header{Name: "a/", Typeflag: tar.TypeDir}, tar.Header{Name: "b/", Typeflag: tar.TypeDir},
			tar.Header{Name: "c/", Typeflag: tar.TypeDir}, tar.Header{Name: "d/", Typeflag: tar.TypeDir}, reg("e", 1)), small, "more than 4 entries"},
		{"bundle too large", entries(reg("App/a", 600)), Limits{MaxBundleSize: 20, MaxTotalSize: 1000, MaxFileSize: 1000, MaxFiles: 4}, "larger than 20 bytes"},
		{"duplicate", entries(reg("App/a", 1), reg("./App/a", 1)), small, "appears twice"},
		{"file and directory", entries(reg("App/a", 1), reg("App/a/b", 1)), small, "both a file and a directory"},
		{"empty", entries(), small, "holds no files"},
		{"not gzip", func(*testing.T) []byte { return []byte("PK\x03\x04 this is a zip") }, small, "not gzip"},
		{"gzip but not tar", func(*testing.T) []byte { return gzipOf(bytes.Repeat([]byte("junk"), 200)) }, small, "not a valid tar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBundle(bytes.NewReader(tt.raw(t)), tt.lim)
			if !errors.Is(err, ErrBundle) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrBundle with %q", err, tt.want)
			}
		})
	}
}

// entries returns a bundle builder for hdrs, whose files hold "x" bytes.
func entries(hdrs ...tar.Header) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		return packEntries(t, hdrs, func(h tar.Header) []byte { return bytes.Repeat([]byte("x"), int(h.Size)) })
	}
}

func TestReadBundleAccepts(t *testing.T) {
	raw := packEntries(t, []tar.Header{
		{Name: "pax_global_header", Typeflag: tar.TypeXGlobalHeader, PAXRecords: map[string]string{"comment": "abc123"}},
		{Name: "./", Typeflag: tar.TypeDir, Mode: 0o755},
		{Name: "./App/", Typeflag: tar.TypeDir, Mode: 0o755},
		{Name: "./App/config/a.json", Typeflag: tar.TypeReg, Mode: 0o644, Size: 2},
		{Name: "README.md", Typeflag: tar.TypeReg, Mode: 0o644, Size: 0},
	}, func(tar.Header) []byte { return []byte("{}") })
	b, err := readBundle(bytes.NewReader(raw), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.sha256) != 64 || len(b.raw) != len(raw) {
		t.Errorf("sha256 %q, raw %d bytes (want %d)", b.sha256, len(b.raw), len(raw))
	}
	if err := fstest.TestFS(b.fsys, "App/config/a.json", "README.md"); err != nil {
		t.Fatal(err)
	}
}

func FuzzReadBundle(f *testing.F) {
	f.Add(packEntries(f, []tar.Header{{Name: "App/a", Typeflag: tar.TypeReg, Size: 1}}, func(tar.Header) []byte { return []byte("x") }))
	f.Add([]byte("not gzip"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := readBundle(bytes.NewReader(raw), Limits{MaxBundleSize: 1 << 16, MaxTotalSize: 1 << 16, MaxFileSize: 1 << 14, MaxFiles: 64})
		if err != nil {
			if !errors.Is(err, ErrBundle) {
				t.Fatalf("error without ErrBundle: %v", err)
			}
			return
		}
		for name := range b.fsys.files {
			if strings.HasPrefix(name, "/") || strings.Contains("/"+name+"/", "/../") {
				t.Fatalf("unsafe path accepted: %q", name)
			}
		}
	})
}
