// SPDX-License-Identifier: MIT

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	long := func(stem string, n int) string { return strings.Repeat(stem, n) }
	tests := []struct {
		name, in, want string
	}{
		{"plain", "kvittering.pdf", "kvittering.pdf"},
		{"traversal", "../../etc/passwd", "_.._etc_passwd"},
		{"separators and reserved", `a\b:c*d?e"f<g>h|i.xml`, "a_b_c_d_e_f_g_h_i.xml"},
		{"NUL CR LF", "a\x00b\r\nc.pdf", "abc.pdf"},
		{"leading dots and spaces", " . .hidden", "hidden"},
		{"trailing dots and spaces", "report.pdf. . ", "report.pdf"},
		{"right-to-left override", "rtl\u202efdp.exe", "rtlfdp.exe"},
		{"other format characters", "a\u200bb\u2066c\u2069\ufeffd.pdf", "abcd.pdf"},
		{"only format characters", "\u202e\u200f", "_"},
		{"empty", "", "_"},
		{"only dots", "...", "_"},
		{"long ASCII keeps the extension", long("L", 300) + ".pdf", long("L", 196) + ".pdf"},
		{"long two-byte keeps the extension", long("ø", 150) + ".pdf", long("ø", 98) + ".pdf"},
		{"long three-byte cut on a rune boundary", long("€", 100) + ".pdf", long("€", 65) + ".pdf"},
		{"long without extension", long("L", 300), long("L", 200)},
		{"long extension is no extension", "a." + long("x", 250), "a." + long("x", 198)},
		{"shortened stem ending in a space", long("L", 195) + "  x.pdf", long("L", 195) + " .pdf"},
		{"shortened name ending in a space", long("L", 199) + " " + long("x", 40), long("L", 199)},
		{"shortened name ending in a dot", long("L", 199) + ".." + long("x", 40), long("L", 199)},
		{"valid Unicode kept", "søknad – 2025 €.pdf", "søknad – 2025 €.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sanitize(tt.in)
			if got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) > 200 || !utf8.ValidString(got) || strings.ContainsAny(got, "/\\\x00") {
				t.Errorf("sanitize(%q) = %q: not one safe segment", tt.in, got)
			}
		})
	}
}

// FuzzSanitize checks that any name becomes one safe segment.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"../a", "rtl\u202efdp.exe", strings.Repeat("é", 150) + ".pdf", "a. .", "\xff\xfe.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := sanitize(in)
		first, _ := utf8.DecodeRuneInString(got)
		last, _ := utf8.DecodeLastRuneInString(got)
		if got == "" || len(got) > maxSegment || !utf8.ValidString(got) || got == "." || got == ".." ||
			strings.ContainsAny(got, "/\\:*?\"<>|") || isDotSpace(first) || isDotSpace(last) ||
			strings.ContainsFunc(got, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) {
			t.Errorf("sanitize(%q) = %q", in, got)
		}
	})
}

// TestWriteFileAtomicCleansUp: a failed write or rename leaves no temp file
// and the old content in place.
func TestWriteFileAtomicCleansUp(t *testing.T) {
	t.Run("rename fails", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "instance.json")
		// A folder that is not empty cannot be replaced by a file.
		if err := os.MkdirAll(filepath.Join(path, "x"), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := writeFileAtomic(path, []byte("{}")); err == nil {
			t.Fatal("no error")
		}
		if _, err := os.Lstat(path + partSuffix); err == nil {
			t.Error("temp file left behind")
		}
	})
	t.Run("disk full", func(t *testing.T) {
		if _, err := os.Stat("/dev/full"); err != nil {
			t.Skip("no /dev/full")
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "instance.json")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		// The temp file as a link to /dev/full: every write fails with ENOSPC.
		if err := os.Symlink("/dev/full", path+partSuffix); err != nil {
			t.Skip(err)
		}
		err := writeFileAtomic(path, []byte("new"))
		if err == nil || !strings.Contains(err.Error(), "no space") {
			t.Fatalf("err = %v, want ENOSPC", err)
		}
		if _, err := os.Lstat(path + partSuffix); err == nil {
			t.Error("temp file left behind")
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != "old" {
			t.Errorf("old content: %q %v", b, err)
		}
	})
}

// TestDownloadCorruptPart: a .part file whose bytes are wrong fails the hash
// check after resuming; the file is downloaded again from its start in the
// same run, which succeeds.
func TestDownloadCorruptPart(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	if err := os.MkdirAll(instDir(out, 0), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(attPath(out, 0)+partSuffix, []byte(strings.Repeat("XXXX", 1750)), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil || !strings.Contains(res, "3 instances: 6 files downloaded") || !strings.Contains(res, "3 confirmed") {
		t.Fatalf("download: %v\n%s", err, res)
	}
	for i := range 3 {
		checkFiles(t, out, i)
	}
	noPartFiles(t, out)
	reqs := strings.Join(srv.Requests(), "\n")
	if !strings.Contains(reqs, "/data/d0-att bytes=7000-\n") || !strings.Contains(reqs, "/data/d0-att\n") {
		t.Errorf("want a resume, then a download from the start:\n%s", reqs)
	}
}
