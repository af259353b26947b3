// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// TestGoldenJSON converts the corpus instances and compares the JSON with
// testdata/golden/<name>.json; -update rewrites them. The goldens show the
// JSON shape: arrays decided by the schema, numbers and booleans typed,
// strings as written, null for xsi:nil.
func TestGoldenJSON(t *testing.T) {
	t.Parallel()
	for _, p := range corpusPairs {
		t.Run(p.xml, func(t *testing.T) {
			t.Parallel()
			m := modelFor(t, p.xsd)
			data, err := os.ReadFile(testcorpus.Path(t, "xml", p.xml))
			if err != nil {
				t.Fatal(err)
			}
			res, err := m.ReadXML(bytes.NewReader(data), xmljson.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			o, ok := res.Value.(*jsonobj.Object)
			if !ok {
				t.Fatalf("root value is %T, want an object", res.Value)
			}
			got, err := jsonobj.Marshal(o)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(p.xml), ".xml")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs:\n%s", golden, got)
			}
		})
	}
}
