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
	var backend int
	if err := conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&backend); err != nil {
		return nil, fmt.Errorf("loadtest: PostgreSQL backend pid: %w", err)
	}
	st, err := readStat(backend)
	if err != nil {
		return nil, fmt.Errorf("loadtest: PostgreSQL backend %d is not a process of this machine: %w", backend, err)
	}
	postmaster, err := readStat(st.ppid)
	if err != nil {
		return nil, fmt.Errorf("loadtest: PostgreSQL postmaster %d: %w", st.ppid, err)
	}
	if !strings.HasPrefix(postmaster.comm, "postgres") && !strings.HasPrefix(postmaster.comm, "postmaster") {
		return nil, fmt.Errorf("loadtest: parent %d of backend %d is %q, not a postmaster", st.ppid, backend, postmaster.comm)
	}
	pid := st.ppid
	return func() (time.Duration, bool) { return treeCPU(pid) }, nil
}

// treeCPU is pid's CPU time with that of its reaped children and of its live
// children.
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
	if len(f) < 15 {
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
	}{{14, &st.utime}, {15, &st.stime}, {16, &st.cutime}, {17, &st.cstime}} {
		v, err := num(p.field)
		errs = append(errs, err)
		*p.to = v
	}
	if err := errors.Join(errs...); err != nil {
		return procStat{}, fmt.Errorf("loadtest: stat line: %w", err)
	}
	return st, nil
}
