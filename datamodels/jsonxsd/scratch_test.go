// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/xsd"
)

var update = flag.Bool("update", false, "rewrite the XSD goldens in testdata/scratch")

// TestScratch converts schemas written as the designer writes them (no @xsd*
// keywords, or only the template's) and checks the XSD against its golden,
// with datamodels/xsd, and with xmllint on a valid instance.
func TestScratch(t *testing.T) {
	tests := []struct {
		name, root string
		strategy   jsonxsd.Strategy
		invalid    string // an instance the XSD must reject
	}{
		{name: "flat", root: "root", strategy: jsonxsd.StrategyGeneral,
			invalid: `<root><etternavn>N</etternavn><samtykke>true</samtykke></root>`},
		{name: "nested", root: "soknad", strategy: jsonxsd.StrategyGeneral,
			invalid: `<soknad versjon="2"><soker><navn>N</navn></soker></soknad>`},
		{name: "array", root: "Bestilling", strategy: jsonxsd.StrategyGeneral,
			invalid: `<Bestilling xmlns="urn:blankett:test:array"><kunde>K</kunde></Bestilling>`},
		{name: "restrictions", root: "Melding", strategy: jsonxsd.StrategySeres,
			invalid: `<Melding><kategori>annet</kategori><orgnr>12345678</orgnr></Melding>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join("testdata", "scratch")
			in, err := os.ReadFile(filepath.Join(dir, tc.name+".schema.json"))
			if err != nil {
				t.Fatal(err)
			}
			out, err := jsonxsd.Convert(in, jsonxsd.Options{})
			if err != nil {
				t.Fatalf("Convert: %v", err)
			}
			again, err := jsonxsd.Convert(in, jsonxsd.Options{})
			if err != nil || !bytes.Equal(out, again) {
				t.Fatalf("Convert is not deterministic (err %v)", err)
			}
			golden := filepath.Join(dir, tc.name+".xsd")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", golden, out)
			}
			parsed, err := xsd.Parse(out, tc.name+".xsd", xsd.Options{})
			if err != nil {
				t.Fatalf("datamodels/xsd cannot read the output: %v", err)
			}
			if _, err := xsd.NewSet(parsed); err != nil {
				t.Fatalf("output has unresolved references: %v", err)
			}
			if got := firstElement(parsed); got != tc.root {
				t.Errorf("root element = %q, want %q", got, tc.root)
			}
			if got := jsonxsd.DetectStrategy(mustObject(t, in)); got != tc.strategy {
				t.Errorf("strategy = %v, want %v", got, tc.strategy)
			}
			lint := xmllint(t)
			xsdPath := writeTemp(t, tc.name+".xsd", out)
			if code, msg := lintSchema(t, lint, xsdPath, filepath.Join(dir, tc.name+".xml")); code != 0 {
				t.Errorf("xmllint exit %d on the valid instance:\n%s", code, msg)
			}
			if code, msg := lintSchema(t, lint, xsdPath, writeTemp(t, "invalid.xml", []byte(tc.invalid))); code != 3 {
				t.Errorf("xmllint exit %d on the invalid instance, want 3:\n%s", code, msg)
			}
		})
	}
}

func firstElement(s *xsd.Schema) string {
	for _, it := range s.Items {
		if e, ok := it.(*xsd.Element); ok {
			return e.Name
		}
	}
	return ""
}
