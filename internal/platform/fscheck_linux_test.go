// SPDX-License-Identifier: MIT

package platform

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/blankett/blankett/internal/config"
)

// fakeHost is a sysfs and procfs with block device 254:0 named vda; journal
// says whether vda has a jbd2 entry, and jbd2 whether /proc/fs/jbd2 exists.
func fakeHost(t *testing.T, fsType int64, journal, jbd2, uevent bool) fsProbe {
	t.Helper()
	root := t.TempDir()
	sys, proc := filepath.Join(root, "sys"), filepath.Join(root, "proc")
	if uevent {
		write(t, filepath.Join(sys, "dev", "block", "254:0", "uevent"), "MAJOR=254\nMINOR=0\nDEVNAME=vda\nDEVTYPE=disk\n")
	}
	if jbd2 {
		if err := os.MkdirAll(filepath.Join(proc, "fs", "jbd2", "loop0-8"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if journal {
		if err := os.MkdirAll(filepath.Join(proc, "fs", "jbd2", "vda-8"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return fsProbe{
		statfs: func(_ string, st *unix.Statfs_t) error { st.Type = fsType; return nil },
		stat:   func(_ string, st *unix.Stat_t) error { st.Dev = unix.Mkdev(254, 0); return nil },
		sys:    sys, proc: proc,
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFSRisk: memory and journal-less ext4 are risks for any data folder, a
// network file system for SQLite's only; what cannot be read is no warning.
func TestFSRisk(t *testing.T) {
	tests := []struct {
		name                  string
		fsType                int64
		journal, jbd2, uevent bool
		database              bool
		wantFS                string
	}{
		{"tmpfs", unix.TMPFS_MAGIC, false, true, true, false, "tmpfs"},
		{"ramfs database", unix.RAMFS_MAGIC, false, true, true, true, "tmpfs"},
		{"nfs database", unix.NFS_SUPER_MAGIC, false, true, true, true, "network"},
		{"nfs blobs", unix.NFS_SUPER_MAGIC, false, true, true, false, ""},
		{"cifs database", unix.CIFS_SUPER_MAGIC, false, true, true, true, "network"},
		{"ext4 journaled", unix.EXT4_SUPER_MAGIC, true, true, true, true, ""},
		{"ext4 without journal", unix.EXT4_SUPER_MAGIC, false, true, true, false, "ext4 without a journal"},
		{"ext4, no jbd2 in procfs", unix.EXT4_SUPER_MAGIC, false, false, true, false, ""},
		{"ext4, no sysfs", unix.EXT4_SUPER_MAGIC, false, true, false, false, ""},
		{"xfs", 0x58465342, false, true, true, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fakeHost(t, tt.fsType, tt.journal, tt.jbd2, tt.uevent)
			fs, risk := p.risk("/data", tt.database)
			if fs != tt.wantFS || (risk == "") != (tt.wantFS == "") {
				t.Errorf("risk = %q, %q; want fs %q", fs, risk, tt.wantFS)
			}
		})
	}
	failing := fsProbe{statfs: func(string, *unix.Statfs_t) error { return errors.New("no") }}
	if fs, risk := failing.risk("/data", true); fs != "" || risk != "" {
		t.Errorf("statfs failing: %q, %q", fs, risk)
	}
}

// TestWarnDataFS logs one warning per risky data folder: SQLite's and the fs
// blob store's, with the path, the file system and the operators' guide.
func TestWarnDataFS(t *testing.T) {
	cfg := config.Base{Database: "sqlite:/srv/blankett/db/blankett.db", Blob: config.BlobConfig{Backend: "fs", Dir: "/srv/blankett/blobs"}}
	var buf bytes.Buffer
	warnDataFS(slog.New(slog.NewTextHandler(&buf, nil)), cfg, fakeHost(t, unix.TMPFS_MAGIC, false, true, true))
	out := buf.String()
	if strings.Count(out, "level=WARN") != 2 || !strings.Contains(out, "path=/srv/blankett/db ") ||
		!strings.Contains(out, "path=/srv/blankett/blobs ") || !strings.Contains(out, "fs=tmpfs") ||
		!strings.Contains(out, "lost when the machine restarts") || !strings.Contains(out, "docs/operators.md#file-systems") {
		t.Errorf("warnings:\n%s", out)
	}
	buf.Reset()
	pg := config.Base{Database: "postgres://u@h/db", Blob: config.BlobConfig{Backend: "s3"}}
	warnDataFS(slog.New(slog.NewTextHandler(&buf, nil)), pg, fakeHost(t, unix.TMPFS_MAGIC, false, true, true))
	if buf.Len() != 0 {
		t.Errorf("PostgreSQL and S3 keep no data here, got:\n%s", buf.String())
	}
}

// TestHostProbe runs the real probe on a temporary folder: whatever this
// machine's file system is, the probe answers without failing, and a tmpfs
// (/dev/shm, where there is one) is reported.
func TestHostProbe(t *testing.T) {
	fs, risk := hostProbe.risk(t.TempDir(), true)
	t.Logf("temporary folder: fs %q, risk %q", fs, risk)
	var st unix.Statfs_t
	if err := unix.Statfs("/dev/shm", &st); err == nil && uint32(st.Type) == unix.TMPFS_MAGIC {
		if fs, _ := hostProbe.risk("/dev/shm", false); fs != "tmpfs" {
			t.Errorf("/dev/shm is tmpfs, probe says %q", fs)
		}
	}
}
