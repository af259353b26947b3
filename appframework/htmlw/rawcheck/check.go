// SPDX-License-Identifier: MIT

package rawcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
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

// urlAttrs are attributes whose value html/template filters as a URL; the
// printers must write them with URL, never Attr.
var urlAttrs = []string{"href", "src", "action", "formaction", "srcset", "poster", "cite", "data", "style"}

// Check parses the files matching glob and fails t where data could reach
// unescaped markup:
//
//   - an unescaped argument of a markup method may hold only string literals,
//     strconv.Itoa, indexing into static values, +, constants and package
//     variables of literals, locals assigned only such values, and the markup
//     parameters of the markup methods themselves (their callers are checked);
//     string(x) counts only inside the functions named in converters, which
//     turn an already safe template.HTML into markup;
//   - Attr and AttrIf take a literal name, never a URL, style or event
//     handler attribute, which html/template escapes differently.
func Check(t testing.TB, glob string, markups []Markup, converters ...string) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("rawcheck: no files match %s (%v)", glob, err)
	}
	c := checker{t: t, fset: token.NewFileSet(), markup: map[string][]int{}, pkg: map[string]bool{}}
	for _, m := range markups {
		c.markup[m.Method] = m.Args
	}
	var parsed []*ast.File
	for _, file := range files {
		f, err := parser.ParseFile(c.fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		c.packageNames(f)
	}
	for _, f := range parsed {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil {
				c.function(fn, slices.Contains(converters, fn.Name.Name))
			}
		}
	}
}

type checker struct {
	t      testing.TB
	fset   *token.FileSet
	markup map[string][]int
	pkg    map[string]bool // package-level names bound to static values
}

// packageNames records the constants and literal-valued variables of f.
func (c *checker) packageNames(f *ast.File) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || (gd.Tok != token.CONST && gd.Tok != token.VAR) {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				c.pkg[name.Name] = gd.Tok == token.CONST || (i < len(vs.Values) && c.static(vs.Values[i], nil, false))
			}
		}
	}
}

// function checks the markup calls in fn.
func (c *checker) function(fn *ast.FuncDecl, convert bool) {
	locals := c.locals(fn)
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		for _, i := range c.markup[sel.Sel.Name] {
			if i < len(call.Args) && !c.static(call.Args[i], locals, convert) {
				c.t.Errorf("%s: %s's argument %d is not static markup; escape data with Text, Attr or URL",
					c.fset.Position(call.Args[i].Pos()), sel.Sel.Name, i+1)
			}
		}
		if (sel.Sel.Name == "Attr" || sel.Sel.Name == "AttrIf") && len(call.Args) > 0 {
			c.attrName(call.Args[0])
		}
		return true
	})
}

// attrName fails unless e is a literal name of an attribute Attr may write.
func (c *checker) attrName(e ast.Expr) {
	lit, ok := e.(*ast.BasicLit)
	name := ""
	if ok && lit.Kind == token.STRING {
		name = strings.ToLower(strings.Trim(lit.Value, "`\""))
	}
	switch {
	case name == "":
		c.t.Errorf("%s: Attr's name is not a string literal", c.fset.Position(e.Pos()))
	case slices.Contains(urlAttrs, name) || strings.HasPrefix(name, "on"):
		c.t.Errorf("%s: attribute %s is not plain text; write it with URL (or not at all)", c.fset.Position(e.Pos()), name)
	}
}

// locals returns fn's local names and parameters and whether each only ever
// holds static values; names bound by range are not static.
func (c *checker) locals(fn *ast.FuncDecl) map[string]bool {
	locals := map[string]bool{}
	i := 0
	for _, field := range fn.Type.Params.List {
		for _, name := range field.Names {
			locals[name.Name] = slices.Contains(c.markup[fn.Name.Name], i)
			i++
		}
	}
	type binding struct {
		name  string
		value ast.Expr // nil: not static (range)
	}
	var binds []binding
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for j, lhs := range x.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					var v ast.Expr
					if len(x.Rhs) == len(x.Lhs) {
						v = x.Rhs[j]
					}
					binds = append(binds, binding{id.Name, v})
				}
			}
		case *ast.ValueSpec:
			for j, id := range x.Names {
				var v ast.Expr
				if j < len(x.Values) {
					v = x.Values[j]
				}
				binds = append(binds, binding{id.Name, v})
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{x.Key, x.Value} {
				if id, ok := e.(*ast.Ident); ok {
					binds = append(binds, binding{id.Name, nil})
				}
			}
		}
		return true
	})
	for _, b := range binds {
		if _, isParam := locals[b.name]; !isParam {
			locals[b.name] = true
		}
	}
	// A name is static only if every value bound to it is; repeat until no
	// name changes, since values may name each other.
	for changed := true; changed; {
		changed = false
		for _, b := range binds {
			if locals[b.name] && (b.value == nil || !c.static(b.value, locals, false)) {
				locals[b.name], changed = false, true
			}
		}
	}
	return locals
}

// static reports whether e can only be markup the code wrote itself.
func (c *checker) static(e ast.Expr, locals map[string]bool, convert bool) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		if v, ok := locals[x.Name]; ok {
			return v
		}
		return c.pkg[x.Name]
	case *ast.ParenExpr:
		return c.static(x.X, locals, convert)
	case *ast.BinaryExpr:
		return x.Op == token.ADD && c.static(x.X, locals, convert) && c.static(x.Y, locals, convert)
	case *ast.IndexExpr:
		return c.static(x.X, locals, convert) // an index only picks among static values
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !c.static(el, locals, convert) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "string" {
			return convert && len(x.Args) == 1
		}
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
			pkg, ok := sel.X.(*ast.Ident)
			return ok && pkg.Name == "strconv" && sel.Sel.Name == "Itoa" // digits only
		}
	}
	return false
}
