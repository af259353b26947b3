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
// panic or run past its limits, and whatever reads without mismatches must be
// stable through JSON → XML → JSON once written: the first write may add what the
// writer fills in on purpose (required fixed attributes such as SERES guid, which a
// JSON client may leave out), after that nothing may change.
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
	f.Add([]byte(bareHead + `<orgnr>007</orgnr><dato xsi:nil="true"/><rad><navn>x</navn></rad>` + tail))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`))
	// Found by fuzzing: the fixed attribute versjon is absent here and added on write.
	f.Add([]byte(`<skjema xmlns="urn:blankett:test"></skjema>`))
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
			var out2 bytes.Buffer
			if err := m.WriteXML(&out2, again.Value, xmljson.WriteOptions{}); err != nil {
				t.Fatalf("second write: %v", err)
			}
			third, err := m.ReadXML(bytes.NewReader(out2.Bytes()), lim)
			if err != nil {
				t.Fatalf("reading our own XML again: %v\n%s", err, out2.Bytes())
			}
			a, _ := json.Marshal(again.Value)
			b, _ := json.Marshal(third.Value)
			if !bytes.Equal(a, b) || !bytes.Equal(out.Bytes(), out2.Bytes()) {
				t.Fatalf("not stable through XML:\n%s\n%s\nxml: %s\nxml: %s", a, b, out.Bytes(), out2.Bytes())
			}
		}
	})
}
