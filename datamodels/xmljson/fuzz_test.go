// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// FuzzXMLToJSON reads arbitrary XML against the corpus models: it must not
// panic or run past its limits, and whatever reads without mismatches must
// survive JSON → XML → JSON unchanged.
func FuzzXMLToJSON(f *testing.F) {
	models := []*xmljson.Model{modelFor(f, "testdata:shapes.xsd")}
	for _, p := range corpusPairs {
		models = append(models, modelFor(f, p.xsd))
		if data, err := os.ReadFile(testcorpus.Path(f, "xml", p.xml)); err == nil {
			f.Add(data)
		}
	}
	files, _ := filepath.Glob("testdata/*.xml")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(head + `<orgnr>007</orgnr><rad altinnRowId="a"><navn>x</navn></rad><belopMedValuta valuta="NOK">1.50</belopMedValuta>` + tail))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`))
	lim := xmljson.ReadOptions{Limits: xmljson.Limits{MaxBytes: 1 << 20, MaxDepth: 64}}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, m := range models {
			res, err := m.ReadXML(bytes.NewReader(data), lim)
			if err != nil || len(res.Mismatches) > 0 {
				continue
			}
			var out bytes.Buffer
			if err := m.WriteXML(&out, res.Value, xmljson.WriteOptions{}); err != nil {
				t.Fatalf("write after a clean read: %v", err)
			}
			again, err := m.ReadXML(bytes.NewReader(out.Bytes()), lim)
			if err != nil {
				t.Fatalf("reading our own XML: %v\n%s", err, out.Bytes())
			}
			a, _ := json.Marshal(res.Value)
			b, _ := json.Marshal(again.Value)
			if !bytes.Equal(a, b) {
				t.Fatalf("JSON changed through XML:\n%s\n%s\nxml: %s", a, b, out.Bytes())
			}
		}
	})
}
