// SPDX-License-Identifier: MIT

package lint_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// fixture reads the app in dir into a MapFS and applies edits: each key is
// a path, each value the new content, "" to delete the file.
func fixture(t *testing.T, dir string, edits map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS(dir), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range edits {
		if s == "" {
			delete(m, p)
			continue
		}
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// replace returns the file at p in dir with old replaced by new, failing
// the test when old is not there.
func replace(t *testing.T, dir, p, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(dir + "/" + p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", p, old)
	}
	return strings.Replace(string(data), old, new, 1)
}
