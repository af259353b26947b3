// SPDX-License-Identifier: MIT

package bundle_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/internal/bundle"
)

func TestPackIsDeterministicAndSkipsDotFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"App/config/applicationmetadata.json": {Data: []byte(`{"id":"ttd/demo"}`)},
		"App/ui/layout.json":                  {Data: []byte(`{}`)},
		".git/config":                         {Data: []byte("x")},
		"App/.hidden":                         {Data: []byte("x")},
	}
	a, err := bundle.Pack(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := bundle.Pack(fsys)
	if !bytes.Equal(a, b) {
		t.Fatal("packing the same files twice gave different bytes")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
	}
	if len(names) != 2 || names[0] != "App/config/applicationmetadata.json" || names[1] != "App/ui/layout.json" {
		t.Fatalf("entries = %v", names)
	}
	org, app, err := bundle.App(a)
	if err != nil || org != "ttd" || app != "demo" {
		t.Fatalf("App = %q %q %v", org, app, err)
	}
}

func TestInvalid(t *testing.T) {
	if _, err := bundle.Pack(fstest.MapFS{}); !errors.Is(err, bundle.ErrInvalid) {
		t.Fatalf("empty: %v", err)
	}
	noID, _ := bundle.Pack(fstest.MapFS{"App/config/applicationmetadata.json": {Data: []byte(`{"id":"demo"}`)}})
	for name, b := range map[string][]byte{"not gzip": []byte("plain"), "no org/app id": noID} {
		if _, _, err := bundle.App(b); !errors.Is(err, bundle.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
