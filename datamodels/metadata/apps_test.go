// SPDX-License-Identifier: MIT

package metadata_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// TestLegacyMetadata compares the tree of two app schemas with the
// .metadata.json Altinn Studio generated for them: every field Altinn binds
// must exist here with the same occurrence.
func TestLegacyMetadata(t *testing.T) {
	t.Parallel()
	models := testcorpus.Path(t, "apps", "frontend-test", "App", "models")
	for _, name := range []string{"message", "nested-group"} {
		data, err := os.ReadFile(filepath.Join(models, name+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := metadata.FromJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw, err := os.ReadFile(filepath.Join(models, name+".metadata.json"))
		if err != nil {
			t.Fatal(err)
		}
		var legacy struct {
			Elements map[string]struct {
				Type            string  `json:"type"`
				DataBindingName *string `json:"dataBindingName"`
				MinOccurs       int     `json:"minOccurs"`
				MaxOccurs       int     `json:"maxOccurs"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), &legacy); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checked := 0
		for id, e := range legacy.Elements {
			if e.DataBindingName == nil || e.Type != "Field" {
				continue
			}
			f := m.Lookup(*e.DataBindingName)
			if f == nil {
				t.Errorf("%s: %s (%s) not in the tree", name, *e.DataBindingName, id)
				continue
			}
			if f.MinOccurs != e.MinOccurs || (f.MaxOccurs != e.MaxOccurs && !(f.MaxOccurs == metadata.Unbounded && e.MaxOccurs > 1)) {
				t.Errorf("%s: %s occurs [%d..%d], Altinn says [%d..%d]", name, f.Path, f.MinOccurs, f.MaxOccurs, e.MinOccurs, e.MaxOccurs)
			}
			checked++
		}
		t.Logf("%s: %d bound fields agree with Altinn's metadata", name, checked)
	}
}

// TestRealSchemas builds the tree of every real XSD after conversion.
func TestRealSchemas(t *testing.T) {
	t.Parallel()
	root := testcorpus.Path(t, "xsd", "real")
	files, _ := filepath.Glob(filepath.Join(root, "*.xsd"))
	ok := 0
	for _, f := range files {
		o, err := xsdjson.ConvertFile(os.DirFS(root), filepath.Base(f), xsd.Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		b, err := xsdjson.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		m, err := metadata.FromJSON(b)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if len(m.Fields) == 0 {
			t.Errorf("%s: empty tree", filepath.Base(f))
			continue
		}
		ok++
	}
	t.Logf("metadata of real XSDs: %d/%d", ok, len(files))
}
