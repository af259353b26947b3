// SPDX-License-Identifier: MIT

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestAppDiff(t *testing.T) {
	before := testcorpus.Path(t, "apps", "signing-test")
	after := t.TempDir()
	copyTree(t, before, after)
	texts := filepath.Join(after, "App", "config", "texts", "resource.nb.json")
	data, err := os.ReadFile(texts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(texts, []byte(strings.Replace(string(data), `"value": "Inntektsår"`, `"value": "Inntektsåret"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"text changed", []string{"app", "diff", before, after}, 0, `text "Form.Input-year.title" changed in nb: "Inntektsår" → "Inntektsåret"`},
		{"json", []string{"app", "diff", before, after, "--format", "json"}, 0, `"language": "nb"`},
		{"same", []string{"app", "diff", before, before}, 0, "no changes"},
		{"does not load", []string{"app", "diff", before, brokenApp(t) + "/App/ui"}, 1, ""},
		{"no folder", []string{"app", "diff", before, filepath.Join(after, "nope")}, exitUsage, ""},
		{"bad format", []string{"app", "diff", before, after, "--format", "yaml"}, exitUsage, ""},
		{"one argument", []string{"app", "diff", before}, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, tt.args...)
			if got := exitCode(err); got != tt.code {
				t.Fatalf("exit code %d (err %v), want %d; output:\n%s", got, err, tt.code, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Fatalf("output lacks %q:\n%s", tt.want, out)
			}
			if tt.name == "json" && !json.Valid([]byte(out)) {
				t.Fatalf("not JSON:\n%s", out)
			}
		})
	}
}
