// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
)

// FuzzConvert feeds arbitrary JSON to Convert: it must not panic, and
// whatever it writes must be an XSD that datamodels/xsd reads with every
// reference resolved.
func FuzzConvert(f *testing.F) {
	var seeds []string
	for _, dir := range []string{"General", "Seres", "Incompatible"} {
		m, _ := filepath.Glob(filepath.Join(testcorpus.Path(f, "jsonschema", dir), "*.json"))
		seeds = append(seeds, m...)
	}
	m, _ := filepath.Glob(filepath.Join("testdata", "scratch", "*.schema.json"))
	seeds = append(seeds, m...)
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"@xsdRootElement":"r","properties":{"a":{"$ref":"#/$defs/g","@xsdType":"#ref"}},"$defs":{"g":{"oneOf":[{"properties":{"x":{"type":"string"}}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := jsonxsd.Convert(data, jsonxsd.Options{})
		if err != nil {
			return
		}
		parsed, err := xsd.Parse(out, "fuzz.xsd", xsd.Options{})
		if err != nil {
			t.Fatalf("output does not read back: %v\n%s\n%s", err, data, out)
		}
		if _, err := xsd.NewSet(parsed); err != nil {
			t.Fatalf("output has unresolved references: %v\n%s\n%s", err, data, out)
		}
	})
}
