// SPDX-License-Identifier: MIT

package rawcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder collects what Check reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) { r.errs = append(r.errs, format) }
func (r *recorder) Helper()                           {}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		bad        int
	}{
		{"literals and locals", "p.Raw(`<a`); n := strconv.Itoa(3); p.Raw(\"<h\" + n + sizes[2]); p.wrap(`<p>`, v.Body, `</p>`)", 0},
		{"a field", "p.Raw(v.Title)", 1},
		{"a field in a sum", "p.Raw(`<b>` + v.Name + `</b>`)", 1},
		{"a call", "p.Raw(strings.ToUpper(`x`))", 1},
		{"a conversion outside a converter", "p.Raw(string(v.Body))", 1},
		{"a wrapper's markup", "p.wrap(v.Open, v.Body, `</p>`)", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "package x\n\nfunc f() {\n" + tc.body + "\n}\n\nfunc html() { p.Raw(string(s)) }\n"
			if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			r := &recorder{TB: t}
			Check(r, filepath.Join(dir, "*.go"), []Markup{Raw, {"wrap", []int{0, 2}}}, "html")
			if len(r.errs) != tc.bad {
				t.Errorf("%d problems, want %d: %s", len(r.errs), tc.bad, strings.Join(r.errs, "; "))
			}
		})
	}
}
