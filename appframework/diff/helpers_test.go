// SPDX-License-Identifier: MIT

package diff_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// edit is one change to a file of a fixture: replace old with new, or
// write content when old is "", or delete the file when both are "".
type edit struct {
	file, old, new string
	all            bool // replace every occurrence
}

// corpusApp copies a corpus app into a MapFS.
func corpusApp(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	root := os.DirFS(testcorpus.Path(t, "apps", name))
	m := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// edited returns a copy of base with the edits applied.
func edited(t *testing.T, base fstest.MapFS, edits []edit) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for k, v := range base {
		m[k] = v
	}
	for _, e := range edits {
		switch {
		case e.old == "" && e.new == "":
			delete(m, e.file)
		case e.old == "":
			m[e.file] = &fstest.MapFile{Data: []byte(e.new)}
		default:
			f, ok := m[e.file]
			if !ok || !strings.Contains(string(f.Data), e.old) {
				t.Fatalf("%s has no %q", e.file, e.old)
			}
			n := 1
			if e.all {
				n = -1
			}
			m[e.file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), e.old, e.new, n))}
		}
	}
	return m
}

func load(t *testing.T, fsys fs.FS) *app.App {
	t.Helper()
	a, err := app.Load(fsys, app.StandardOptions())
	if err != nil {
		t.Fatal(err)
	}
	return a
}
