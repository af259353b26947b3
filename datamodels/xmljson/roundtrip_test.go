// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// corpusPairs names each corpus XML instance with the XSD it belongs to.
var corpusPairs = []struct{ xml, xsd string }{
	{"General/ReferenceArray.xml", "general/ReferenceArray.xsd"},
	{"Seres/SeresBasic.xml", "seres/SeresBasicSchema.xsd"},
	// Altinn's xsall-example.xsd is not in the corpus; testdata holds a
	// schema written for its sample.
	{"XsAll/xsall-example-nillable-sample.xml", "testdata:xsall-example.xsd"},
}

// modelFor converts an XSD (corpus path or "testdata:name") to a model.
func modelFor(t testing.TB, name string) *xmljson.Model {
	t.Helper()
	var dir, base string
	if rest, ok := cutPrefix(name, "testdata:"); ok {
		dir, base = "testdata", rest
	} else {
		p := testcorpus.Path(t, "xsd", name)
		dir, base = filepath.Dir(p), filepath.Base(p)
	}
	doc, err := xsdjson.ConvertFile(os.DirFS(dir), base, xsd.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	m, err := xmljson.Compile(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):], true
	}
	return s, false
}

// roundTrip converts XML to JSON and back and compares canonical forms.
func roundTrip(t *testing.T, m *xmljson.Model, data []byte) []byte {
	t.Helper()
	res, err := m.ReadXML(bytes.NewReader(data), xmljson.ReadOptions{})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	for _, mm := range res.Mismatches {
		t.Errorf("mismatch: %v", mm)
	}
	var out bytes.Buffer
	if err := m.WriteXML(&out, res.Value, xmljson.WriteOptions{Indent: "  "}); err != nil {
		t.Fatalf("write: %v", err)
	}
	want, err := xmljson.Canonical(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := xmljson.Canonical(out.Bytes())
	if err != nil {
		t.Fatalf("output is not XML: %v\n%s", err, out.Bytes())
	}
	if got != want {
		t.Errorf("round trip differs\n got: %s\nwant: %s\nxml:\n%s", got, want, out.Bytes())
	}
	return out.Bytes()
}

func TestRoundTripCorpus(t *testing.T) {
	t.Parallel()
	ok := 0
	for _, p := range corpusPairs {
		t.Run(p.xml, func(t *testing.T) {
			m := modelFor(t, p.xsd)
			data, err := os.ReadFile(testcorpus.Path(t, "xml", p.xml))
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, m, data)
			if !t.Failed() {
				ok++
			}
		})
	}
	t.Logf("corpus XML round trips: %d/%d", ok, len(corpusPairs))
}
