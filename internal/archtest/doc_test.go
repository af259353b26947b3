// SPDX-License-Identifier: MIT

package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryPackageHasDocGo enforces DESIGN.md §7: every package has a doc.go whose
// package comment starts with "Package <name>" (or "Command <name>" for main).
func TestEveryPackageHasDocGo(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-f", "{{.Dir}} {{.Name}}", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		dir, name, _ := strings.Cut(line, " ")
		n++
		rel, _ := filepath.Rel(root, dir)
		doc := filepath.Join(dir, "doc.go")
		if _, err := os.Stat(doc); err != nil {
			t.Errorf("%s: no doc.go", rel)
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), doc, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		want := "Package " + name + " "
		if name == "main" {
			want = "Command "
		}
		if f.Doc == nil || !strings.HasPrefix(f.Doc.Text(), want) {
			t.Errorf("%s/doc.go: package comment must start with %q", rel, want)
		}
	}
	t.Logf("doc.go: %d packages checked", n)
}
