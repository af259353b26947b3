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
		{"a local holding data", "s := v.Text; p.Raw(s)", 1},
		{"a local holding data later", "s := `<p>`; if ok { s = v.Text }; p.Raw(s)", 1},
		{"a local holding markup", "el := `video`; if audio { el = `audio` }; p.Raw(`<` + el + `>`)", 0},
		{"a range variable", "for _, it := range v.Items { p.Raw(it) }", 1},
		{"a parameter of an unlisted helper", "}\n\nfunc (p *printer) tag(name string) { p.Raw(`<` + name + `>`) ", 1},
		{"a listed wrapper's parameter", "}\n\nfunc (p *printer) wrap(open string, s template.HTML, end string) { p.Raw(open); p.Raw(end) ", 0},
		{"digits and a table", "p.Raw(`<h` + strconv.Itoa(v.Level) + sizes[v.Level])", 0},
		{"a URL attribute through Attr", "p.Attr(`href`, v.Href)", 1},
		{"an event handler through AttrIf", "p.AttrIf(\"onclick\", v.Text)", 1},
		{"an attribute name from data", "p.Attr(v.Name, v.Value)", 1},
		{"plain attributes", "p.Attr(`id`, v.ID); p.AttrIf(\"data-component\", v.Comp)", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "package x\n\nvar sizes = [...]string{`a`, `b`}\n\nfunc f() {\n" + tc.body + "\n}\n\nfunc html() { p.Raw(string(s)) }\n"
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
