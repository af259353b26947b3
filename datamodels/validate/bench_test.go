// SPDX-License-Identifier: MIT

package validate

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// benchSchema is a real SERES form with repeating groups.
const benchSchema = "real/nsm-klareringsportalen.xsd"

func benchDoc(b *testing.B, name string) *jsonobj.Object {
	b.Helper()
	p := testcorpus.Path(b, "xsd", name)
	doc, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), xsd.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// benchInstance generates a valid instance and grows its repeating groups
// until its XML is about size bytes.
func benchInstance(b *testing.B, v *Validator, size int) []byte {
	b.Helper()
	m := v.Model()
	g := &gen{m: m, rnd: rand.New(rand.NewPCG(1, 2)), optional: 1, maxDepth: 8}
	inst := g.instance()
	var arrays []site
	for _, s := range sites(m.Root.Type, inst, nil) {
		if s.mb.Array && s.idx < 0 {
			arrays = append(arrays, s)
		}
	}
	if len(arrays) == 0 {
		b.Fatal("no repeating group to grow")
	}
	for i := 0; ; i++ {
		var buf bytes.Buffer
		if err := m.WriteXML(&buf, inst, xmljson.WriteOptions{Indent: "  "}); err != nil {
			b.Fatal(err)
		}
		if buf.Len() >= size {
			return buf.Bytes()
		}
		s := arrays[i%len(arrays)]
		if s.mb.MaxItems != xmljson.Unbounded {
			continue
		}
		arr := s.obj[s.mb.Name].([]any)
		s.obj[s.mb.Name] = append(arr, deepCopy(arr[0]))
	}
}

// BenchmarkXMLToJSONValidate reads a ~50 KB XML instance into JSON and
// validates it, as a submission of XML data does.
func BenchmarkXMLToJSONValidate(b *testing.B) {
	v, err := Compile(benchDoc(b, benchSchema), Options{})
	if err != nil {
		b.Fatal(err)
	}
	data := benchInstance(b, v, 50<<10)
	res, err := v.ValidateXML(bytes.NewReader(data))
	if err != nil || !res.Valid() {
		b.Fatalf("instance not valid: %v %v", err, res)
	}
	b.Run("read+validate", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := v.ValidateXML(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := v.Model().ReadXML(bytes.NewReader(data), xmljson.ReadOptions{Maps: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("validate-xml", func(b *testing.B) {
		// The validation step of ValidateXML: the schema without what the
		// reader guarantees.
		b.ReportAllocs()
		sch := v.xmlSchema()
		for b.Loop() {
			v.check(sch, res.Value, nil)
		}
	})
	b.Run("validate", func(b *testing.B) {
		// ValidateValue, the JSON path: Model.Check and the full schema.
		b.ReportAllocs()
		for b.Loop() {
			v.ValidateValue(res.Value)
		}
	})
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := v.Model().WriteXML(&buf, res.Value, xmljson.WriteOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCompile compiles schemas and reports the heap each compiled
// Validator keeps (B/schema, measured with runtime.MemStats after GC).
func BenchmarkCompile(b *testing.B) {
	for _, name := range []string{benchSchema, "seres/SeresBasicSchema.xsd", "real/3422-39646.xsd"} {
		doc := benchDoc(b, name)
		b.Run(filepath.Base(name), func(b *testing.B) {
			b.ReportAllocs()
			var keep []*Validator
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				v, err := Compile(doc, Options{})
				if err != nil {
					b.Fatal(err)
				}
				keep = append(keep, v)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc))/float64(len(keep)), "B/schema")
			runtime.KeepAlive(keep)
		})
	}
}
