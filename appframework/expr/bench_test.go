// SPDX-License-Identifier: MIT

package expr_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// BenchmarkEvalSimple evaluates a typical three-node expression,
// ["greaterThanEq", ["dataModel", "Person.Alder"], 18], in a repeating-group row.
func BenchmarkEvalSimple(b *testing.B) {
	e, err := expr.Parse([]byte(`["greaterThanEq", ["dataModel", "Person.Alder"], 18]`))
	if err != nil {
		b.Fatal(err)
	}
	data := &expr.JSONData{Default: "model", Models: map[string]any{"model": map[string]any{
		"Person": []any{map[string]any{"Alder": 17.0}, map[string]any{"Alder": 42.0}},
	}}}
	env := &expr.Env{Data: data}
	scope := &expr.Scope{Row: expr.Path{{Name: "Person", Index: 1}}}
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		v, err := e.Eval(env, scope)
		if err != nil || !v.AsBool() {
			b.Fatal(v, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "evals/s")
}

// BenchmarkLargestPage expands the layout set of the largest corpus page with
// expressions (frontend-test group/repeating.json) with 100 rows in its repeating group,
// then evaluates every expression on every component instance: hidden (with
// hiddenRow and page), readOnly, required, text bindings and edit flags.
func BenchmarkLargestPage(b *testing.B) {
	dir := testcorpus.Path(b, "apps", "frontend-test", "App", "ui", "group", "layouts")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []layouttree.PageSource
	var raw []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = stripComments(bytes.TrimPrefix(data, []byte("\ufeff")))
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		if id == "repeating" {
			raw = data
		}
		pages = append(pages, layouttree.PageSource{ID: id, JSON: data})
	}
	l, err := layouttree.Parse(pages)
	if err != nil {
		b.Fatal(err)
	}
	exprs := componentExpressions(b, raw)
	env := &expr.Env{Data: &expr.JSONData{Default: "model", Models: map[string]any{"model": pageData(100)}}, Options: stubOptions{}}
	nExpr, nErr := 0, 0
	b.ReportAllocs()
	for b.Loop() {
		tree, err := l.Expand(env)
		if err != nil {
			b.Fatal(err)
		}
		env.Components = tree
		nExpr, nErr = 0, 0
		tree.Walk(func(n *layouttree.Node) {
			if n.Comp == nil || n.Page.ID != "repeating" {
				return
			}
			nExpr++
			if _, err := n.Hidden(env); err != nil {
				nErr++
			}
			for _, e := range exprs[n.Comp.ID] {
				// Some expressions on this page fail by design (a component
				// looked up from outside its repeating group); the frontend
				// logs those and uses a default, so they count as work done.
				if _, err := e.Eval(env, n.Scope()); err != nil {
					nErr++
				}
				nExpr++
			}
		})
	}
	b.ReportMetric(float64(nExpr), "exprs/op")
	b.ReportMetric(float64(nErr), "errors/op")
}

// componentExpressions finds every expression in each component's properties.
func componentExpressions(tb testing.TB, page []byte) map[string][]*expr.Expr {
	var file struct {
		Data struct {
			Layout []map[string]any `json:"layout"`
		} `json:"data"`
	}
	if err := json.Unmarshal(page, &file); err != nil {
		tb.Fatal(err)
	}
	out := map[string][]*expr.Expr{}
	var find func(id string, v any)
	find = func(id string, v any) {
		switch t := v.(type) {
		case []any:
			if len(t) > 0 {
				if _, ok := t[0].(string); ok {
					if e, err := expr.ParseValue(t); err == nil {
						out[id] = append(out[id], e)
						return
					}
				}
			}
			for _, x := range t {
				find(id, x)
			}
		case map[string]any:
			for _, x := range t {
				find(id, x)
			}
		}
	}
	for _, c := range file.Data.Layout {
		id, _ := c["id"].(string)
		for k, v := range c {
			if k != "children" && k != "dataModelBindings" && k != "hidden" && k != "hiddenRow" {
				find(id, v)
			}
		}
	}
	return out
}

// pageData builds a data model for repeating.json with rows rows.
func pageData(rows int) map[string]any {
	var list []any
	for i := range rows {
		list = append(list, map[string]any{
			"SkattemeldingEndringEtterFristOpprinneligBelop-datadef-37131": map[string]any{"value": float64(i * 10)},
			"SkattemeldingEndringEtterFristNyttBelop-datadef-37132":        map[string]any{"value": float64(i * 20)},
			"source":          "altinn",
			"isPrefill":       i%3 == 0,
			"nested-grp-1234": []any{},
			"fileUploadList":  []any{},
			"altinnRowId":     "row" + strconv.Itoa(i),
		})
	}
	return map[string]any{
		"hideRowValue":     500.0,
		"useBothRepGroups": false,
		"Endringsmelding-grp-9786": map[string]any{
			"OversiktOverEndringene-grp-9788": list,
			"Avgiver-grp-9787":                map[string]any{"KontaktpersonEPost-datadef-27688": map[string]any{"value": "ja"}},
		},
	}
}

type stubOptions struct{}

func (stubOptions) Options(id string) ([]expr.Option, bool) {
	return []expr.Option{{Value: expr.String("altinn"), Label: "Altinn"}, {Value: expr.String("digdir"), Label: "Digdir"}}, true
}

// stripComments removes // and /* */ comments outside strings; some corpus
// layouts have them, and the app loader, not this package, tolerates them.
func stripComments(in []byte) []byte {
	var out []byte
	inString := false
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case inString:
			if c == '\\' && i+1 < len(in) {
				out = append(out, c, in[i+1])
				i++
				continue
			}
			if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(in) && in[i+1] == '/':
			for i < len(in) && in[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(in) && in[i+1] == '*':
			end := bytes.Index(in[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
			continue
		}
		out = append(out, c)
	}
	return out
}
