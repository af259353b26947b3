// SPDX-License-Identifier: MIT

package archtest

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/blankett/blankett"

// rule says which of our own top-level folders a folder may depend on (transitively)
// and which third-party import path prefixes it must never reach.
type rule struct {
	from      string
	mayUse    []string
	forbidden []string
}

// rules is DESIGN.md §3's table. Our folders not listed in mayUse are forbidden.
var rules = []rule{
	{"datamodels", []string{"datamodels"}, []string{"github.com/gin-gonic/", "gorm.io/"}},
	{"appframework", []string{"appframework", "datamodels"}, []string{"github.com/gin-gonic/", "gorm.io/"}},
	{"internal", []string{"internal", "datamodels"}, nil},
	{"designer-ui", []string{"designer-ui"}, nil},
	{"runtime", []string{"runtime", "appframework", "datamodels", "internal"}, nil},
	{"studio", []string{"studio", "appframework", "datamodels", "internal", "designer-ui"}, nil},
	{"cmd", []string{"cmd", "studio", "runtime", "appframework", "datamodels", "internal", "designer-ui"}, nil},
}

type pkg struct {
	ImportPath string
	Deps       []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-deps=false", "-json=ImportPath,Deps", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages; is the module root right?", len(pkgs))
	}
	return pkgs
}

// folder returns the top-level folder of one of our packages, or "" for others.
func folder(path string) string {
	rest, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return ""
	}
	top, _, _ := strings.Cut(rest, "/")
	return top
}

func violations(p pkg) []string {
	from := folder(p.ImportPath)
	var r *rule
	for i := range rules {
		if rules[i].from == from {
			r = &rules[i]
		}
	}
	if r == nil {
		return []string{"folder " + from + " has no dependency rule; add it to DESIGN.md §3 and this test"}
	}
	var out []string
	for _, d := range p.Deps {
		if f := folder(d); f != "" && !contains(r.mayUse, f) {
			out = append(out, d)
		}
		for _, bad := range r.forbidden {
			if strings.HasPrefix(d, bad) {
				out = append(out, d)
			}
		}
	}
	return out
}

func TestDependencyDirection(t *testing.T) {
	checked := 0
	for _, p := range listPackages(t) {
		if folder(p.ImportPath) == "" {
			continue
		}
		checked++
		for _, v := range violations(p) {
			t.Errorf("%s must not depend on %s (DESIGN.md §3)", p.ImportPath, v)
		}
	}
	t.Logf("dependency direction: %d packages checked", checked)
}

// TestRulesCatchViolations proves the checker fails on the edges it must forbid.
func TestRulesCatchViolations(t *testing.T) {
	bad := []pkg{
		{module + "/datamodels/xsd", []string{module + "/appframework"}},
		{module + "/appframework/expr", []string{"github.com/gin-gonic/gin"}},
		{module + "/appframework/render", []string{"gorm.io/gorm"}},
		{module + "/studio", []string{module + "/runtime"}},
		{module + "/runtime/api", []string{module + "/studio/gitrepo"}},
		{module + "/internal/httpx", []string{module + "/runtime"}},
		{module + "/newfolder", nil},
	}
	for _, p := range bad {
		if len(violations(p)) == 0 {
			t.Errorf("%s → %v was not reported", p.ImportPath, p.Deps)
		}
	}
	good := pkg{module + "/runtime/api", []string{module + "/appframework/expr", module + "/internal/httpx", "github.com/gin-gonic/gin"}}
	if v := violations(good); len(v) != 0 {
		t.Errorf("allowed edges reported: %v", v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
