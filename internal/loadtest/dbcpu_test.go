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
			procStat{comm: "postgres", ppid: 1, utime: 250, stime: 75, cutime: 30, cstime: 12}, false},
		{"comm with spaces and parentheses", "7 (a) b (c) R 99 7 7 0 -1 0 0 0 0 0 11 22 33 44 20 0 1 0 5" + tail,
			procStat{comm: "a) b (c", ppid: 99, utime: 11, stime: 22, cutime: 33, cstime: 44}, false},
		{"no comm", "7 postgres S 1 2 3", procStat{}, true},
		{"short", "7 (postgres) S 1 2 3", procStat{}, true},
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

// TestPostgresCPU runs CPU-bound queries on a real server and checks that the
// probe counts them, on a backend that stays and on one that has exited (then
// its time is in the postmaster's cutime), and that a query that only sleeps
// counts for next to nothing.
func TestPostgresCPU(t *testing.T) {
	db := dbtest.Postgres(t)
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	probe, err := PostgresCPU(ctx, sqlDB)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the PostgreSQL server is not on this machine: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	measure := func(fn func()) (wall, cpu time.Duration) {
		t.Helper()
		c0, ok0 := probe()
		start := time.Now()
		fn()
		wall = time.Since(start)
		c1, ok1 := probe()
		if !ok0 || !ok1 {
			t.Fatal("probe could not read the server's CPU")
		}
		return wall, c1 - c0
	}
	busy := func(c *sql.Conn) {
		var n int64
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM generate_series(1, 4000000)").Scan(&n); err != nil || n != 4000000 {
			t.Fatalf("busy query: %d, %v", n, err)
		}
	}
	conn := func() (*sql.Conn, int) {
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

	t.Run("live backend", func(t *testing.T) {
		c, _ := conn()
		defer c.Close()
		wall, cpu := measure(func() { busy(c) })
		if cpu < wall/2 {
			t.Errorf("a CPU-bound query of %s counted %s", wall, cpu)
		}
	})
	t.Run("exited backend", func(t *testing.T) {
		c, pid := conn()
		killer, _ := conn()
		defer killer.Close()
		wall, cpu := measure(func() {
			busy(c)
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
		})
		if cpu < wall/4 {
			t.Errorf("a CPU-bound query on a backend that then exited, %s in all, counted %s", wall, cpu)
		}
	})
	t.Run("sleeping", func(t *testing.T) {
		c, _ := conn()
		defer c.Close()
		wall, cpu := measure(func() {
			if _, err := c.ExecContext(ctx, "SELECT pg_sleep(0.5)"); err != nil {
				t.Fatal(err)
			}
		})
		if cpu > wall/5 {
			t.Errorf("a query sleeping %s counted %s", wall, cpu)
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
