// SPDX-License-Identifier: MIT

package platform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// The risks risk reports.
const (
	riskMemory    = "it is held in memory, so everything in it is lost when the machine restarts"
	riskNetwork   = "SQLite's locking is not reliable on a network file system, which can corrupt the database; use a local disk or PostgreSQL"
	riskNoJournal = "ext4 without a journal needs fsck after a crash, and creates files slowly for minutes after many were deleted; use a journaled file system"
)

// fsProbe looks at the file system under a folder: statfs and stat, and the
// sysfs and procfs roots that tell an ext4 volume's journal (roots and functions
// replaceable for tests).
type fsProbe struct {
	statfs    func(string, *unix.Statfs_t) error
	stat      func(string, *unix.Stat_t) error
	sys, proc string
}

// hostProbe looks at this machine.
var hostProbe = fsProbe{statfs: unix.Statfs, stat: unix.Stat, sys: "/sys", proc: "/proc"}

// risk names the file system under dir and, when it puts data at risk or is
// known to be slow here, says why; "" when it is fine or cannot be told. A
// network file system is a risk for SQLite's database only.
func (p fsProbe) risk(dir string, database bool) (fs, risk string) {
	var st unix.Statfs_t
	if err := p.statfs(dir, &st); err != nil {
		return "", ""
	}
	switch uint32(st.Type) {
	case unix.TMPFS_MAGIC, unix.RAMFS_MAGIC:
		return "tmpfs", riskMemory
	case unix.NFS_SUPER_MAGIC, unix.SMB_SUPER_MAGIC, unix.CIFS_SUPER_MAGIC, unix.SMB2_SUPER_MAGIC:
		if database {
			return "network", riskNetwork
		}
	case unix.EXT4_SUPER_MAGIC: // also ext2's and ext3's
		if journaled, known := p.journaled(dir); known && !journaled {
			return "ext4 without a journal", riskNoJournal
		}
	}
	return "", ""
}

// journaled tells whether the ext volume under dir has a journal: its block
// device (sysfs) has a jbd2 entry (procfs). known is false when that cannot be
// read, for example in a container without sysfs.
func (p fsProbe) journaled(dir string) (journaled, known bool) {
	var st unix.Stat_t
	if err := p.stat(dir, &st); err != nil {
		return false, false
	}
	dev := uint64(st.Dev) // not uint64 on every architecture
	uevent, err := os.ReadFile(filepath.Join(p.sys, "dev", "block", fmt.Sprintf("%d:%d", unix.Major(dev), unix.Minor(dev)), "uevent"))
	if err != nil {
		return false, false
	}
	name := ""
	for _, l := range strings.Split(string(uevent), "\n") {
		if v, ok := strings.CutPrefix(l, "DEVNAME="); ok {
			name = filepath.Base(v)
		}
	}
	jbd2 := filepath.Join(p.proc, "fs", "jbd2")
	if _, err := os.Stat(jbd2); name == "" || err != nil {
		return false, false
	}
	m, _ := filepath.Glob(filepath.Join(jbd2, name+"-*"))
	return len(m) > 0, true
}
