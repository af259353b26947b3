// SPDX-License-Identifier: MIT

package apphost

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/store"
)

// corpusFiles reads a corpus app repository into a map, so tests can change files
// before packing it.
func corpusFiles(tb testing.TB, name string) map[string][]byte {
	tb.Helper()
	root := testcorpus.Path(tb, "apps", name)
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// pack builds a bundle as studio does: gzip'ed tar, paths relative to the repo root.
func pack(tb testing.TB, files map[string][]byte) []byte {
	tb.Helper()
	var entries []tar.Header
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		entries = append(entries, tar.Header{Name: n, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(files[n]))})
	}
	return packEntries(tb, entries, func(h tar.Header) []byte { return files[h.Name] })
}

// packEntries writes raw tar headers, for hostile bundles; body gives each entry's data.
func packEntries(tb testing.TB, hdrs []tar.Header, body func(tar.Header) []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, h := range hdrs {
		if h.Typeflag != tar.TypeXGlobalHeader {
			h.ModTime = time.Unix(1700000000, 0)
		}
		if err := tw.WriteHeader(&h); err != nil {
			tb.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg && h.Size > 0 {
			if _, err := tw.Write(body(h)); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// env is a database and blob store that survive "restarts" (new Hosts).
type env struct {
	db    *dbx.DB
	blobs *fsblob.Store
	clock *fakeClock
}

func newEnv(t testing.TB, db *dbx.DB) *env {
	t.Helper()
	set := dbx.MigrationSet{Name: "runtime", Migrations: append(store.Migrations(), Migrations()...)}
	if _, err := db.Migrate(context.Background(), set, nil); err != nil {
		t.Fatal(err)
	}
	blobs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &env{db: db, blobs: blobs, clock: &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}}
}

func (e *env) host(t testing.TB, opts ...Option) *Host {
	t.Helper()
	return New(e.db, e.blobs, append([]Option{WithClock(e.clock.now)}, opts...)...)
}

// fakeClock advances a second on every reading, so deploys are ordered.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func blobPut() blob.PutOptions { return blob.PutOptions{} }
