// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// addHistory appends n commits to main with git fast-import (one pack, as
// a pushed repository has), each changing App/notes.txt.
func addHistory(tb testing.TB, r *Repo, n int) {
	tb.Helper()
	head, err := r.Head(context.Background(), MainBranch)
	if err != nil {
		tb.Fatal(err)
	}
	var in strings.Builder
	for i := range n {
		msg := fmt.Sprintf("history %d", i)
		body := fmt.Sprintf("note %d\n", i)
		fmt.Fprintf(&in, "commit refs/heads/main\ncommitter Hist <hist@example.test> %d +0000\ndata %d\n%s\n", 1700000000+i, len(msg), msg)
		if i == 0 {
			fmt.Fprintf(&in, "from %s\n", head)
		}
		fmt.Fprintf(&in, "M 100644 inline App/notes.txt\ndata %d\n%s\n", len(body), body)
	}
	cmd := exec.Command("git", "--git-dir", r.Dir(), "fast-import", "--quiet")
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("fast-import: %v\n%s", err, out)
	}
}

// BenchmarkCommit5000 saves one file on a repository with 5,000 commits of
// history, the designer's save path: open, check parent, write, move the
// branch. Reports p50 and p95 per save (target p95 < 30 ms).
func BenchmarkCommit5000(b *testing.B) {
	s := newStore(b)
	r, _ := newApp(b, s, "skjema")
	addHistory(b, r, 5000)
	ctx := context.Background()
	texts := mustReadB(b, r, "App/config/texts/resource.nb.json")
	head, err := r.Head(ctx, MainBranch)
	if err != nil {
		b.Fatal(err)
	}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		repo, err := s.Open(ctx, "ttd", "skjema")
		if err != nil {
			b.Fatal(err)
		}
		content := strings.Replace(texts, `"Navn"`, fmt.Sprintf(`"Navn %d"`, i), 1)
		head, err = repo.Commit(ctx, MainBranch, head, alice, "save", []Change{{Path: "App/config/texts/resource.nb.json", Content: []byte(content)}})
		if err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	reportPercentiles(b, durs)
}

func mustReadB(b *testing.B, r *Repo, p string) string {
	b.Helper()
	data, err := r.ReadFile(context.Background(), MainBranch, p)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	slices.Sort(durs)
	at := func(q float64) float64 {
		return float64(durs[min(len(durs)-1, int(q*float64(len(durs))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}
