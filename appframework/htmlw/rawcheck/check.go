// SPDX-License-Identifier: MIT

package rawcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// Markup names a method whose arguments at the given positions are written
// unescaped: Raw's first, a wrapper's opening and closing markup.
type Markup struct {
	Method string
	Args   []int
}

// Raw is htmlw.Writer.Raw.
var Raw = Markup{"Raw", []int{0}}

// Check parses the files matching glob and fails t for every call of a
// markup method whose unescaped argument holds anything but string
// literals, local names, strconv.Itoa and indexing by those; string(x) is
// allowed only inside the functions named in converters, which turn an
// already safe template.HTML into markup.
func Check(t testing.TB, glob string, markups []Markup, converters ...string) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("rawcheck: no files match %s (%v)", glob, err)
	}
	byName := map[string][]int{}
	for _, m := range markups {
		byName[m.Method] = m.Args
	}
	allowed := map[string]bool{}
	for _, c := range converters {
		allowed[c] = true
	}
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				for _, i := range byName[sel.Sel.Name] {
					if i < len(call.Args) && !static(call.Args[i], allowed[fn.Name.Name]) {
						t.Errorf("%s: %s's argument %d is not static markup; escape data with Text, Attr or URL",
							fset.Position(call.Args[i].Pos()), sel.Sel.Name, i+1)
					}
				}
				return true
			})
		}
	}
}

// static reports whether e is built only of literals, local names,
// strconv.Itoa, indexing and +; conversion string(x) counts when convert.
func static(e ast.Expr, convert bool) bool {
	switch x := e.(type) {
	case *ast.BasicLit, *ast.Ident:
		return true
	case *ast.ParenExpr:
		return static(x.X, convert)
	case *ast.BinaryExpr:
		return x.Op == token.ADD && static(x.X, convert) && static(x.Y, convert)
	case *ast.IndexExpr:
		return static(x.X, convert) && static(x.Index, convert)
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "string" && convert && len(x.Args) == 1 {
			return true
		}
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "strconv" && sel.Sel.Name == "Itoa" {
				return len(x.Args) == 1 && static(x.Args[0], convert)
			}
		}
	}
	return false
}
