// SPDX-License-Identifier: MIT

package main

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestREADMEDocumentsEveryFlag keeps the README's configuration table in step with
// the server flags: every flag and its environment variable must be listed.
func TestREADMEDocumentsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	serve := newServeCommand()
	n := 0
	serve.Flags().VisitAll(func(f *pflag.Flag) {
		n++
		if !strings.Contains(string(readme), "| `--"+f.Name+"` |") {
			t.Errorf("README configuration table lacks --%s", f.Name)
		}
		if i := strings.Index(f.Usage, "[$"); i >= 0 {
			env := strings.TrimSuffix(f.Usage[i+2:], "]")
			if !strings.Contains(string(readme), "`"+env+"`") {
				t.Errorf("README lacks %s (for --%s)", env, f.Name)
			}
		}
	})
	if n < 15 {
		t.Fatalf("only %d flags found; the serve command lost its configuration", n)
	}
}
