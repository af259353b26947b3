// SPDX-License-Identifier: MIT

package validate

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// fullIssues validates XML as ValidateXML does, but always with the full
// schema.
func fullIssues(t *testing.T, v *Validator, data []byte) []Issue {
	t.Helper()
	res, err := v.Model().ReadXML(bytes.NewReader(data), xmljson.ReadOptions{Maps: true})
	if err != nil {
		t.Fatal(err)
	}
	return dedupe(v.check(v.schema, res.Value, v.mismatches(res.Mismatches, nil)))
}

func sortIssues(in []Issue) []Issue {
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b Issue) int {
		return cmp.Or(cmp.Compare(a.Pointer, b.Pointer), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Message, b.Message))
	})
	return out
}

// leafText matches the first element holding only text, to turn it into a
// nil element or one with a child.
var leafText = regexp.MustCompile(`<([A-Za-z_][\w.:-]*)((?:\s[^>]*)?)>[^<]+</`)

// TestXMLSchemaSameIssues checks that leaving out the property schemas the
// reader guarantees (xmlDrops) changes no issue: every corpus schema, the
// oracle's generated instances and mutants, and string elements made nil or
// given a child element.
func TestXMLSchemaSameIssues(t *testing.T) {
	t.Parallel()
	schemas, dropping, instances := 0, 0, 0
	for _, dir := range []string{"general", "seres", "real"} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(t, "xsd", dir), "*.xsd"))
		for _, file := range files {
			doc, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(file)), filepath.Base(file), xsd.Options{})
			if err != nil {
				continue
			}
			v, err := Compile(doc, Options{LiteralAnchors: true, SkipUnsupportedPatterns: true})
			if err != nil {
				continue
			}
			schemas++
			if v.drops != nil {
				dropping++
			}
			m := v.Model()
			var datas [][]byte
			write := func(val any) {
				var b bytes.Buffer
				if m.WriteXML(&b, val, xmljson.WriteOptions{}) == nil {
					datas = append(datas, b.Bytes())
				}
			}
			var sample any
			for i, opt := range []float64{0, 0.5, 1} {
				g := &gen{m: m, rnd: rand.New(rand.NewPCG(7, uint64(i))), optional: opt, maxDepth: 6}
				sample = g.instance()
				write(sample)
			}
			for _, mu := range mutants(m, sample, rand.New(rand.NewPCG(7, 99))) {
				write(mu.v)
			}
			if len(datas) > 0 {
				last := datas[len(datas)-1]
				if loc := leafText.FindSubmatchIndex(last); loc != nil {
					name := last[loc[2]:loc[3]]
					nilled := leafText.ReplaceAll(last, []byte(`<$1$2 xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></`))
					child := bytes.Replace(last, last[loc[0]:loc[1]], append(append([]byte{}, last[loc[0]:loc[1]-2]...), []byte("<"+string(name)+"/></")...), 1)
					datas = append(datas, nilled, child)
				}
			}
			for _, data := range datas {
				instances++
				res, err := v.ValidateXML(bytes.NewReader(data))
				if err != nil {
					continue
				}
				// jsonschema reports properties in map order: compare sorted.
				if want := fullIssues(t, v, data); !reflect.DeepEqual(sortIssues(res.Issues), sortIssues(want)) {
					t.Errorf("%s: issues differ\nXML:  %s\ngot:  %v\nfull: %v", file, data, res.Issues, want)
				}
			}
		}
	}
	t.Logf("%d schemas (%d with property schemas left out for XML), %d instances: same issues", schemas, dropping, instances)
	if dropping == 0 {
		t.Error("no schema leaves anything out")
	}
}
