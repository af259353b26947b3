// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// TestBench runs every scenario of `blankett bench` briefly against the real
// runtime on SQLite.
func TestBench(t *testing.T) {
	app := testcorpus.Path(t, "apps", "signing-test")
	out, err := runCLI(t, "bench", "--app", app, "--clients", "2", "--count", "6", "--duration", "5s", "--log-level", "error")
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out)
	}
	for _, want := range []string{"(sqlite), 2 clients", "bytes of XML per submission", "per s vs baseline"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"baseline", "instantiate", "submit"} {
		row := lineStarting(out, name)
		if f := strings.Fields(row); len(f) < 3 || f[1] != "6" || f[2] != "0" {
			t.Errorf("%s: want 6 requests, 0 errors; got %q\n%s", name, row, out)
		}
	}
	if !strings.Contains(out, "page: skipped") && lineStarting(out, "page") == "" {
		t.Errorf("page neither ran nor was skipped:\n%s", out)
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

// lineStarting returns the first line of out whose first field is name.
func lineStarting(out, name string) string {
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == name {
			return l
		}
	}
	return ""
}
