// SPDX-License-Identifier: MIT

package platform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// File system magic numbers (statfs f_type), from Linux's magic.h.
const (
	magicTmpfs = 0x01021994
	magicRamfs = 0x858458f6
	magicExt   = 0xEF53 // ext2, ext3 and ext4
	magicNFS   = 0x6969
	magicSMB   = 0x517B
	magicCIFS  = 0xFF534D42
	magicSMB2  = 0xFE534D42
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
	statfs    func(string, *syscall.Statfs_t) error
	stat      func(string, *syscall.Stat_t) error
	sys, proc string
}

// hostProbe looks at this machine.
var hostProbe = fsProbe{statfs: syscall.Statfs, stat: syscall.Stat, sys: "/sys", proc: "/proc"}

// risk names the file system under dir and, when it puts data at risk or is
// known to be slow here, says why; "" when it is fine or cannot be told. A
// network file system is a risk for SQLite's database only.
func (p fsProbe) risk(dir string, database bool) (fs, risk string) {
	var st syscall.Statfs_t
	if err := p.statfs(dir, &st); err != nil {
		return "", ""
	}
	switch uint32(st.Type) {
	case magicTmpfs, magicRamfs:
		return "tmpfs", riskMemory
	case magicNFS, magicSMB, magicCIFS, magicSMB2:
		if database {
			return "network", riskNetwork
		}
	case magicExt:
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
	var st syscall.Stat_t
	if err := p.stat(dir, &st); err != nil {
		return false, false
	}
	dev := uint64(st.Dev)
	major := (dev>>8)&0xfff | (dev>>32)&^uint64(0xfff)
	minor := dev&0xff | (dev>>12)&^uint64(0xff)
	uevent, err := os.ReadFile(filepath.Join(p.sys, "dev", "block", fmt.Sprintf("%d:%d", major, minor), "uevent"))
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
