// SPDX-License-Identifier: MIT

package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvDir names the environment variable that points at the corpus explicitly.
// When it is set the corpus must exist there, and a missing corpus fails the test
// instead of skipping it; .ci/run sets it.
const EnvDir = "BLANKETT_CORPUS_DIR"

// Dir returns the corpus directory and whether it was found. It honours EnvDir, and
// otherwise walks up from the working directory looking for shared/corpus.
func Dir() (string, bool) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, isDir(d)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		for _, c := range []string{filepath.Join(d, "shared", "corpus"), filepath.Join(d, "..", "shared", "corpus")} {
			if isDir(c) {
				return filepath.Clean(c), true
			}
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path joins parts onto the corpus directory. It skips the test when the corpus
// cannot be found and EnvDir is unset, and fails it when EnvDir is set but wrong.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	d, ok := Dir()
	if !ok {
		if os.Getenv(EnvDir) != "" {
			tb.Fatalf("testcorpus: %s=%q is not a directory", EnvDir, os.Getenv(EnvDir))
		}
		tb.Skip("testcorpus: shared/corpus not found beside the repository; set " + EnvDir)
	}
	return filepath.Join(append([]string{d}, parts...)...)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
