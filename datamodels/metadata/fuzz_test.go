// SPDX-License-Identifier: MIT

package metadata_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// FuzzFromJSON checks that no schema document makes the tree builder panic
// or run away (recursive and self-referencing $refs included).
func FuzzFromJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Path(f, "jsonschema", "Seres"), "*.json"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"@xsdRootElement":"r","properties":{"a":{"$ref":"#"}}}`))
	f.Add([]byte(`{"@xsdRootElement":"r","allOf":[{"$ref":"#/allOf/0"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = metadata.FromJSON(data)
	})
}
