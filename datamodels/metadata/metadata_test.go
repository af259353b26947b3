// SPDX-License-Identifier: MIT

package metadata_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus/*.txt from the current output")

// TestCorpusGoldens renders the field tree of every corpus JSON Schema golden
// and compares it with testdata/corpus; -update rewrites them for review.
func TestCorpusGoldens(t *testing.T) {
	t.Parallel()
	n := 0
	for _, dir := range []string{"General", "Seres"} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(t, "jsonschema", dir), "*.json"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := metadata.FromJSON(data)
			if err != nil {
				t.Errorf("%s/%s: %v", dir, filepath.Base(f), err)
				continue
			}
			golden := filepath.Join("testdata", "corpus", dir+"_"+strings.TrimSuffix(filepath.Base(f), ".json")+".txt")
			got := m.String()
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Errorf("%v (run with -update)", err)
				continue
			}
			if got != string(want) {
				t.Errorf("%s differs:\n--- got\n%s--- want\n%s", golden, got, want)
				continue
			}
			n++
		}
	}
	t.Logf("metadata goldens: %d", n)
}
