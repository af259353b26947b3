// SPDX-License-Identifier: MIT

package app_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// corpusApps lists the real apps of shared/corpus/apps.
func corpusApps(t testing.TB) (string, []string) {
	t.Helper()
	dir := testcorpus.Path(t, "apps")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("no apps in %s", dir)
	}
	return dir, names
}

// TestCorpusApps loads every corpus app and compares its description with
// testdata/corpus/<app>.txt.
func TestCorpusApps(t *testing.T) {
	t.Parallel()
	dir, names := corpusApps(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a, err := app.Load(os.DirFS(filepath.Join(dir, name)), app.Options{})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			t.Logf("app %s: %s", name, a.Summary())
			golden(t, filepath.Join("testdata", "corpus", name+".txt"), a.Describe())
		})
	}
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", file, firstDiff(string(want), got))
	}
}
