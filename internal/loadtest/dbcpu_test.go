// SPDX-License-Identifier: MIT

package loadtest

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

func TestParseStat(t *testing.T) {
	tail := " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"
	tests := []struct {
		name, line string
		want       procStat
		wantErr    bool
	}{
		{"postmaster", "4242 (postgres) S 1 4242 4242 0 -1 4194560 9000 1 0 0 250 75 30 12 20 0 1 0 100 1 1" + tail,
			procStat{comm: "postgres", ppid: 1, utime: 250, stime: 75, cutime: 30, cstime: 12, starttime: 100}, false},
		{"comm with spaces and parentheses", "7 (a) b (c) R 99 7 7 0 -1 0 0 0 0 0 11 22 33 44 20 0 1 0 5" + tail,
			procStat{comm: "a) b (c", ppid: 99, utime: 11, stime: 22, cutime: 33, cstime: 44, starttime: 5}, false},
		{"no comm", "7 postgres S 1 2 3", procStat{}, true},
		{"short", "7 (postgres) S 1 2 3", procStat{}, true},
		{"no start time", "7 (postgres) S 1 7 7 0 -1 0 0 0 0 0 11 22 33 44 20 0 1", procStat{}, true},
		{"not a number", "7 (postgres) S x 7 7 0 -1 0 0 0 0 0 11 22 33 44 20 0 1 0 5" + tail, procStat{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseStat(tt.line)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseStat = %+v, %v; want %+v, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestPostgresCPU runs a CPU-bound query on a real server and checks that the
// probe counts at least what the backend itself spent (read from its own
// /proc/PID/stat, which other tests using the server meanwhile do not change), on
// a backend that stays and on one that exits (its time then moves to the
// postmaster's cutime).
func TestPostgresCPU(t *testing.T) {
	db := dbtest.Postgres(t)
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	probe, err := PostgresCPU(ctx, sqlDB)
	if errors.Is(err, ErrNotLocal) {
		t.Skipf("the PostgreSQL server is not on this machine: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	read := func() time.Duration {
		t.Helper()
		v, ok := probe()
		if !ok {
			t.Fatal("probe could not read the server's CPU")
		}
		return v
	}
	own := func(pid int) time.Duration {
		t.Helper()
		st, err := readStat(pid)
		if err != nil {
			t.Fatal(err)
		}
		return time.Duration(st.utime+st.stime) * time.Second / userHZ
	}
	conn := func() (*sql.Conn, int) {
		t.Helper()
		c, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var pid int
		if err := c.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
			t.Fatal(err)
		}
		return c, pid
	}
	busy := func(c *sql.Conn) {
		t.Helper()
		var n int64
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM generate_series(1, 4000000)").Scan(&n); err != nil || n != 4000000 {
			t.Fatalf("busy query: %d, %v", n, err)
		}
	}
	const tick = time.Second / userHZ

	t.Run("live backend", func(t *testing.T) {
		c, pid := conn()
		defer c.Close()
		p0, b0 := read(), own(pid)
		busy(c)
		spent, counted := own(pid)-b0, read()-p0
		if spent < 5*tick {
			t.Fatalf("the busy query took only %s of CPU; the check below would prove nothing", spent)
		}
		if counted < spent-tick {
			t.Errorf("the backend spent %s, the probe counted %s", spent, counted)
		}
	})
	t.Run("exited backend", func(t *testing.T) {
		c, pid := conn()
		killer, _ := conn()
		defer killer.Close()
		p0, b0 := read(), own(pid)
		busy(c)
		spent := own(pid) - b0
		if _, err := killer.ExecContext(ctx, "SELECT pg_terminate_backend($1)", pid); err != nil {
			t.Fatal(err)
		}
		_ = c.Close() // broken now; the pool drops it
		proc := filepath.Join(procRoot, strconv.Itoa(pid))
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(proc); errors.Is(err, fs.ErrNotExist) {
				break // exited and reaped
			}
			if time.Now().After(deadline) {
				t.Fatalf("backend %d still there", pid)
			}
		}
		if counted := read() - p0; counted < spent-tick {
			t.Errorf("the backend spent %s before it exited, the probe counted %s", spent, counted)
		}
	})
}

// TestTreeCPU reads a fake process table: a process's own and reaped
// children's time, plus its live children's, and nobody else's.
func TestTreeCPU(t *testing.T) {
	dir := t.TempDir()
	procRoot = dir
	t.Cleanup(func() { procRoot = "/proc" })
	stat := func(pid, ppid int, utime, cutime int) {
		p := filepath.Join(dir, strconv.Itoa(pid))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		line := strconv.Itoa(pid) + " (postgres) S " + strconv.Itoa(ppid) + " 0 0 0 -1 0 0 0 0 0 " +
			strconv.Itoa(utime) + " 1 " + strconv.Itoa(cutime) + " 2 20 0 1 0 5 1 1"
		if err := os.WriteFile(filepath.Join(p, "stat"), []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stat(10, 1, 100, 30) // 100 + 1 own, 30 + 2 reaped
	stat(11, 10, 40, 7)  // live child: 40 + 1; its own children's time is not the server's concern here
	stat(12, 1, 500, 0)  // not a child
	if err := os.MkdirAll(filepath.Join(dir, "self"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, ok := treeCPU(10)
	if want := time.Duration(100+1+30+2+40+1) * time.Second / userHZ; !ok || got != want {
		t.Errorf("treeCPU = %s, %v; want %s", got, ok, want)
	}
	if _, ok := treeCPU(13); ok {
		t.Error("treeCPU of a missing process reported ok")
	}
}

// TestLocalPostmaster reads a fake process table: the backend's parent must be
// a postgres process that started when the server says it did.
func TestLocalPostmaster(t *testing.T) {
	dir := t.TempDir()
	procRoot = dir
	t.Cleanup(func() { procRoot = "/proc" })
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stat := func(pid, ppid int, comm string, start int) string {
		return strconv.Itoa(pid) + " (" + comm + ") S " + strconv.Itoa(ppid) + " 0 0 0 -1 0 0 0 0 0 1 1 1 1 20 0 1 0 " + strconv.Itoa(start) + " 1 1"
	}
	write("stat", "cpu  1 2 3\nbtime 1700000000\nprocesses 9\n")
	write("20/stat", stat(20, 1, "postgres", 12345)) // started at btime + 123.45 s
	write("21/stat", stat(21, 20, "postgres", 99999))
	write("30/stat", stat(30, 1, "bash", 12345))
	write("31/stat", stat(31, 30, "postgres", 99999))
	at := time.Unix(1700000000, 0).Add(123450 * time.Millisecond)
	tests := []struct {
		name    string
		backend int
		started time.Time
		want    int
	}{
		{"postmaster", 21, at, 20},
		{"start within the tolerance", 21, at.Add(1500 * time.Millisecond), 20},
		{"another server started then", 21, at.Add(time.Minute), 0},
		{"parent is not postgres", 31, at, 0},
		{"no such backend here", 22, at, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := localPostmaster(tt.backend, tt.started)
			if tt.want == 0 {
				if !errors.Is(err, ErrNotLocal) {
					t.Errorf("localPostmaster = %d, %v; want ErrNotLocal", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("localPostmaster = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}
