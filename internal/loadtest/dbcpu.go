// SPDX-License-Identifier: MIT

package loadtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNotLocal means the database server does not run on this machine, or its
// processes cannot be read here (another PID namespace, such as a container).
var ErrNotLocal = errors.New("loadtest: the database server is not a process of this machine")

// procRoot is where the process table is read; a variable for tests.
var procRoot = "/proc"

// userHZ is the unit of the CPU times in /proc/PID/stat. Linux fixes it at 100
// for user space whatever the kernel's own tick rate is.
const userHZ = 100

// PostgresCPU returns a probe of the CPU time a PostgreSQL server has used: its
// postmaster's, that of every process it has started and reaped (backends,
// autovacuum workers: the postmaster's cutime and cstime), and that of those still
// running. The server must run on this machine, and its processes must be
// readable in /proc (same user, or root); otherwise the error says why. Like
// ProcessCPU, the probe is read before and after a run (Options.DBCPU), and the
// difference is what the server spent on it.
func PostgresCPU(ctx context.Context, db *sql.DB) (func() (time.Duration, bool), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var (
		backend int
		started time.Time
	)
	err = conn.QueryRowContext(ctx, "SELECT pg_backend_pid(), pg_postmaster_start_time()").Scan(&backend, &started)
	if err != nil {
		return nil, fmt.Errorf("loadtest: PostgreSQL backend pid: %w", err)
	}
	pid, err := localPostmaster(backend, started)
	if err != nil {
		return nil, err
	}
	return func() (time.Duration, bool) { return treeCPU(pid) }, nil
}

// localPostmaster returns the pid of the postmaster that started at started and
// whose child backend is: a process of this machine named postgres, started
// within two seconds of that time, so that a remote server's backend pid that
// happens to exist here too is not taken for it. Otherwise it wraps ErrNotLocal.
func localPostmaster(backend int, started time.Time) (int, error) {
	st, err := readStat(backend)
	if err != nil {
		return 0, fmt.Errorf("%w: backend %d: %w", ErrNotLocal, backend, err)
	}
	pm, err := readStat(st.ppid)
	if err != nil {
		return 0, fmt.Errorf("%w: backend %d's parent %d: %w", ErrNotLocal, backend, st.ppid, err)
	}
	if !strings.HasPrefix(pm.comm, "postgres") && !strings.HasPrefix(pm.comm, "postmaster") {
		return 0, fmt.Errorf("%w: backend %d's parent %d is %q, not a postmaster", ErrNotLocal, backend, st.ppid, pm.comm)
	}
	boot, err := bootTime()
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrNotLocal, err)
	}
	at := boot.Add(time.Duration(pm.starttime) * time.Second / userHZ)
	if d := at.Sub(started); d < -2*time.Second || d > 2*time.Second {
		return 0, fmt.Errorf("%w: process %d started at %s, the server at %s", ErrNotLocal, st.ppid, at.UTC(), started.UTC())
	}
	return st.ppid, nil
}

// bootTime reads the system's boot time (btime in /proc/stat).
func bootTime() (time.Time, error) {
	b, err := os.ReadFile(filepath.Join(procRoot, "stat"))
	if err != nil {
		return time.Time{}, err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "btime "); ok {
			secs, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return time.Time{}, fmt.Errorf("loadtest: btime: %w", err)
			}
			return time.Unix(secs, 0), nil
		}
	}
	return time.Time{}, errors.New("loadtest: no btime in /proc/stat")
}

// treeCPU is pid's CPU time with that of its reaped children and of its live
// children. The parent is read before its children: a child that exits and is
// reaped in between is counted in neither, so a reading can come out low by that
// child's time. Backends of a pool live through a whole scenario, so this touches
// only connections that close just as a scenario starts or ends.
func treeCPU(pid int) (time.Duration, bool) {
	root, err := readStat(pid)
	if err != nil {
		return 0, false
	}
	ticks := root.utime + root.stime + root.cutime + root.cstime
	ents, err := os.ReadDir(procRoot)
	if err != nil {
		return 0, false
	}
	for _, e := range ents {
		child, err := strconv.Atoi(e.Name())
		if err != nil || child == pid {
			continue
		}
		st, err := readStat(child)
		if err != nil || st.ppid != pid { // gone meanwhile, or not a child
			continue
		}
		ticks += st.utime + st.stime
	}
	return time.Duration(ticks) * time.Second / userHZ, true
}

// procStat is what treeCPU needs of /proc/PID/stat.
type procStat struct {
	comm                         string
	ppid                         int
	utime, stime, cutime, cstime int64
	starttime                    int64 // clock ticks after boot
}

func readStat(pid int) (procStat, error) {
	b, err := os.ReadFile(filepath.Join(procRoot, strconv.Itoa(pid), "stat"))
	if err != nil {
		return procStat{}, err
	}
	return parseStat(string(b))
}

// parseStat reads a /proc/PID/stat line (proc(5)): "pid (comm) state ppid …",
// where comm may hold spaces and parentheses, so the fields are counted from the
// last ")".
func parseStat(line string) (procStat, error) {
	open, end := strings.IndexByte(line, '('), strings.LastIndexByte(line, ')')
	if open < 0 || end < open {
		return procStat{}, errors.New("loadtest: malformed stat line")
	}
	f := strings.Fields(line[end+1:]) // f[0] is field 3 (state)
	if len(f) < 20 {
		return procStat{}, errors.New("loadtest: short stat line")
	}
	num := func(field int) (int64, error) { return strconv.ParseInt(f[field-3], 10, 64) }
	var (
		st   = procStat{comm: line[open+1 : end]}
		errs []error
	)
	ppid, err := num(4)
	errs = append(errs, err)
	st.ppid = int(ppid)
	for _, p := range []struct {
		field int
		to    *int64
	}{{14, &st.utime}, {15, &st.stime}, {16, &st.cutime}, {17, &st.cstime}, {22, &st.starttime}} {
		v, err := num(p.field)
		errs = append(errs, err)
		*p.to = v
	}
	if err := errors.Join(errs...); err != nil {
		return procStat{}, fmt.Errorf("loadtest: stat line: %w", err)
	}
	return st, nil
}
