// SPDX-License-Identifier: MIT

package gitserver

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// addHistory appends n commits to main of the fixture's app with git
// fast-import, so a clone carries real history.
func addHistory(tb testing.TB, f *fixture, n int) {
	tb.Helper()
	var in strings.Builder
	for i := range n {
		msg := fmt.Sprintf("history %d", i)
		body := fmt.Sprintf("note %d\n", i)
		fmt.Fprintf(&in, "commit refs/heads/main\ncommitter Hist <hist@example.test> %d +0000\ndata %d\n%s\n", 1700000000+i, len(msg), msg)
		if i == 0 {
			fmt.Fprintf(&in, "from %s\n", f.created)
		}
		fmt.Fprintf(&in, "M 100644 inline App/notes.txt\ndata %d\n%s\n", len(body), body)
	}
	cmd := exec.Command("git", "--git-dir", filepath.Join(f.store.Root(), "ttd", "skjema.git"), "fast-import", "--quiet")
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("fast-import: %v\n%s", err, out)
	}
}

// BenchmarkClone clones an app over HTTP with the real git client: the
// template app alone, and with 5,000 commits of history (target < 1 s per
// clone).
func BenchmarkClone(b *testing.B) {
	for _, n := range []int{0, 5000} {
		b.Run(fmt.Sprintf("history=%d", n), func(b *testing.B) {
			f := newFixture(b)
			if n > 0 {
				addHistory(b, f, n)
			}
			work := b.TempDir()
			url := f.url("ola", "ola-token")
			var durs []time.Duration
			for i := 0; b.Loop(); i++ {
				dst := fmt.Sprintf("c%d", i)
				start := time.Now()
				mustGit(b, work, "clone", "--quiet", url, dst)
				durs = append(durs, time.Since(start))
				os.RemoveAll(filepath.Join(work, dst))
			}
			slices.Sort(durs)
			b.ReportMetric(float64(durs[len(durs)/2])/float64(time.Millisecond), "p50-ms")
			b.ReportMetric(float64(durs[min(len(durs)-1, len(durs)*95/100)])/float64(time.Millisecond), "p95-ms")
		})
	}
}
