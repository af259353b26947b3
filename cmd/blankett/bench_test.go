// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// TestBench runs every scenario of `blankett bench` briefly against the real
// runtime on SQLite, twice in one run (as with --database sqlite --database
// postgres://…), each engine with its own table and baseline.
func TestBench(t *testing.T) {
	app := testcorpus.Path(t, "apps", "signing-test")
	out, err := runCLI(t, "bench", "--app", app, "--clients", "2", "--count", "6", "--duration", "5s", "--log-level", "error",
		"--database", "sqlite", "--database", "sqlite")
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out)
	}
	for _, want := range []string{"(sqlite), 2 clients", "bytes of XML per submission", "per s vs baseline"} {
		if n := strings.Count(out, want); n != 2 {
			t.Errorf("output has %q %d times, want once per engine:\n%s", want, n, out)
		}
	}
	// The page scenario runs with a browser session, so it must not be skipped.
	for _, name := range []string{"baseline", "instantiate", "submit", "baseline-read", "page"} {
		for _, row := range linesStarting(out, name) {
			if f := strings.Fields(row); len(f) < 3 || f[1] != "6" || f[2] != "0" {
				t.Errorf("%s: want 6 requests, 0 errors; got %q\n%s", name, row, out)
			}
		}
		if n := len(linesStarting(out, name)); n != 2 {
			t.Errorf("%s: %d rows, want one per engine\n%s", name, n, out)
		}
	}
	// A submission is three requests, also counted one by one.
	per := 0
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 5 && f[0] == "submit" && f[1] == "(per" {
			per++
			if f[3] != "18" || f[4] != "0" {
				t.Errorf("submit (per request): want 18 requests, 0 errors; got %q", l)
			}
		}
	}
	if per != 2 {
		t.Errorf("%d submit (per request) rows, want one per engine\n%s", per, out)
	}
	// What the storage waited during the submissions: six puts, and SQLite's
	// writer, from the runtime's own metrics.
	if n := strings.Count(out, "storage during submit: blob put 6 × mean "); n != 2 {
		t.Errorf("%d storage lines for submit with six puts, want one per engine\n%s", n, out)
	}
	if n := strings.Count(out, "SQLite writer "); n < 4 {
		t.Errorf("%d SQLite writer reports, want one for instantiate and one for submit per engine\n%s", n, out)
	}
	// And split by request, so that a tail can be traced to one of them.
	for _, step := range []string{"submit: POST /signing-test/instances ", "submit: PUT /data/{id} ", "submit: PUT /process/next "} {
		n := 0
		for _, l := range strings.Split(out, "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(l), step); ok {
				n++
				if f := strings.Fields(rest); len(f) < 2 || f[0] != "6" || f[1] != "0" {
					t.Errorf("%s: want 6 requests, 0 errors; got %q", step, l)
				}
			}
		}
		if n != 2 {
			t.Errorf("%d %q rows, want one per engine\n%s", n, step, out)
		}
	}
}

func TestBenchRejectsBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown scenario", []string{"--scenarios", "nope"}},
		{"no clients", []string{"--clients", "0"}},
		{"endless", []string{"--duration", "1h"}},
		{"not postgres", []string{"--database", "/tmp/x.db"}},
		{"gc percent", []string{"--gc-percent", "5"}},
		{"negative database max active", []string{"--database-max-active", "-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, append([]string{"bench"}, tt.args...)...)
			var ue usageError
			if !errors.As(err, &ue) {
				t.Fatalf("bench %v = %v, want a usage error\n%s", tt.args, err, out)
			}
		})
	}
}

// linesStarting returns the lines of out whose first field is name.
func linesStarting(out, name string) []string {
	var rows []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == name && f[1] != "(per" {
			rows = append(rows, l)
		}
	}
	return rows
}
