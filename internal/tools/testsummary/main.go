// SPDX-License-Identifier: MIT

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

// figure matches a logged measurement: "name: 12/34", "name: 99.5%", "name: 3 of 4".
var figure = regexp.MustCompile(`^\s+\S+\.go:\d+: ([A-Za-z][\w .()-]*: \d+(?:\.\d+)?(?:/\d+|%)(?:\s.*)?)$`)

// suites are subtest names that mark a run against one engine or server; the closing
// report counts them so a reader sees at once which real services were exercised.
var suites = []string{"sqlite", "postgres", "fs", "gofakes3", "real-s3", "chromium"}

type summary struct {
	out                     io.Writer
	passed, failed, skip    int
	output                  map[string][]string // per package/test
	skips, figures, pkgFail []string
	suiteRuns               map[string][3]int // passed, failed, skipped
}

func main() {
	s := &summary{out: os.Stdout, output: map[string][]string{}}
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if s.report() {
		os.Exit(1)
	}
}

func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			// Build errors and other plain text: pass them through.
			fmt.Fprintln(s.out, string(line))
			continue
		}
		s.handle(e)
	}
	return sc.Err()
}

func (s *summary) handle(e event) {
	key := e.Package + " " + e.Test
	switch e.Action {
	case "output":
		s.output[key] = append(s.output[key], e.Output)
		if m := figure.FindStringSubmatch(strings.TrimRight(e.Output, "\n")); m != nil && e.Test != "" {
			s.figures = append(s.figures, fmt.Sprintf("%s %s: %s", short(e.Package), e.Test, m[1]))
		}
	case "pass", "fail", "skip":
		if e.Test == "" {
			s.packageDone(e)
			return
		}
		switch e.Action {
		case "pass":
			s.passed++
		case "fail":
			s.failed++
			fmt.Fprintf(s.out, "--- FAIL: %s %s\n%s", short(e.Package), e.Test, strings.Join(s.output[key], ""))
		case "skip":
			s.skip++
			s.skips = append(s.skips, fmt.Sprintf("%s %s: %s", short(e.Package), e.Test, skipReason(s.output[key])))
		}
		s.countSuite(e)
		delete(s.output, key)
	}
}

func (s *summary) countSuite(e event) {
	// Only the subtest that names the engine counts (TestX/postgres), not its children.
	name := e.Test[strings.LastIndex(e.Test, "/")+1:]
	for _, suite := range suites {
		if name != suite {
			continue
		}
		if s.suiteRuns == nil {
			s.suiteRuns = map[string][3]int{}
		}
		c := s.suiteRuns[name]
		c[map[string]int{"pass": 0, "fail": 1, "skip": 2}[e.Action]]++
		s.suiteRuns[name] = c
	}
}

func (s *summary) packageDone(e event) {
	key := e.Package + " "
	switch e.Action {
	case "pass":
		fmt.Fprintf(s.out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
	case "skip":
		fmt.Fprintf(s.out, "?   \t%s\t[no test files]\n", e.Package)
	case "fail":
		s.pkgFail = append(s.pkgFail, e.Package)
		fmt.Fprintf(s.out, "%sFAIL\t%s\t%.3fs\n", strings.Join(s.output[key], ""), e.Package, e.Elapsed)
	}
	delete(s.output, key)
}

// report prints the closing sections and tells whether anything failed.
func (s *summary) report() bool {
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		sort.Strings(lines)
		fmt.Fprintf(s.out, "\n%s (%d):\n", title, len(lines))
		for _, l := range lines {
			fmt.Fprintln(s.out, "  "+l)
		}
	}
	var suiteLines []string
	for _, name := range suites {
		if c, ok := s.suiteRuns[name]; ok {
			suiteLines = append(suiteLines, fmt.Sprintf("%-9s %d passed, %d failed, %d skipped", name+":", c[0], c[1], c[2]))
		}
	}
	section("Suites (subtests per engine or server)", suiteLines)
	section("Figures logged by tests", s.figures)
	section("Skipped tests", s.skips)
	section("Failed packages", s.pkgFail)
	fmt.Fprintf(s.out, "\n%d passed, %d failed, %d skipped\n", s.passed, s.failed, s.skip)
	return s.failed > 0 || len(s.pkgFail) > 0
}

// skipReason returns the message given to t.Skip: the last output line before the
// "--- SKIP" line, without its file:line prefix.
func skipReason(out []string) string {
	for i := len(out) - 1; i >= 0; i-- {
		l := strings.TrimSpace(out[i])
		if l == "" || strings.HasPrefix(l, "--- SKIP") || strings.HasPrefix(l, "=== ") {
			continue
		}
		if _, after, ok := strings.Cut(l, ": "); ok && strings.Contains(l[:strings.Index(l, ": ")], ".go:") {
			return after
		}
		return l
	}
	return "(no reason given)"
}

func short(pkg string) string { return strings.TrimPrefix(pkg, "github.com/blankett/blankett/") }
