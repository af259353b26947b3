// SPDX-License-Identifier: MIT

package client_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/client"
)

// writeTree creates files (path → content) under a new folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// entries lists a bundle's tar entries.
func entries(t *testing.T, b []byte) []string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg || h.Mode != 0o644 {
			t.Errorf("entry %s: type %c mode %o", h.Name, h.Typeflag, h.Mode)
		}
		names = append(names, h.Name)
	}
}

const metaJSON = "\ufeff" + `{"id":"ttd/skjema","org":"ttd"}`

func TestPackDir(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"App/config/applicationmetadata.json": metaJSON,
		"App/ui/layouts/a.json":               "{}",
		"README.md":                           "hi",
		".git/HEAD":                           "ref",
		"App/.DS_Store":                       "x",
	})
	b, err := client.PackDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"App/config/applicationmetadata.json", "App/ui/layouts/a.json", "README.md"}
	if got := entries(t, b); !slices.Equal(got, want) {
		t.Fatalf("entries %v, want %v", got, want)
	}
	// Other times and modes on disk, same bytes: a repeated deploy is a no-op.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "README.md"), later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "README.md"), 0o640); err != nil {
		t.Fatal(err)
	}
	again, err := client.PackDir(dir)
	if err != nil || !bytes.Equal(again, b) {
		t.Fatalf("packing again gave other bytes (%v)", err)
	}
	org, app, err := client.BundleApp(b)
	if err != nil || org != "ttd" || app != "skjema" {
		t.Fatalf("BundleApp = %q, %q, %v", org, app, err)
	}
}

func TestPackDirRefuses(t *testing.T) {
	link := writeTree(t, map[string]string{"App/config/applicationmetadata.json": metaJSON})
	if err := os.Symlink("/etc/passwd", filepath.Join(link, "App", "passwd")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	tests := []struct{ name, dir string }{
		{"symbolic link", link},
		{"no files", writeTree(t, map[string]string{".git/HEAD": "ref"})},
		{"no folder", filepath.Join(t.TempDir(), "missing")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := client.PackDir(tt.dir); !errors.Is(err, client.ErrBundle) {
				t.Fatalf("err = %v, want ErrBundle", err)
			}
		})
	}
}

func TestBundleAppRefuses(t *testing.T) {
	pack := func(files map[string]string) []byte {
		b, err := client.PackDir(writeTree(t, files))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name   string
		bundle []byte
	}{
		{"not gzip", []byte("plain")},
		{"no metadata", pack(map[string]string{"README.md": "x"})},
		{"id without app", pack(map[string]string{"App/config/applicationmetadata.json": `{"id":"ttd"}`})},
		{"not JSON", pack(map[string]string{"App/config/applicationmetadata.json": `<xml/>`})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := client.BundleApp(tt.bundle); !errors.Is(err, client.ErrBundle) {
				t.Fatalf("err = %v, want ErrBundle", err)
			}
		})
	}
}

// TestDeployCalls checks what the SDK sends and how it reads the answers,
// against a recording fake; the real API is tested in runtime/internal/api/deploy
// and by cmd/blankett's end-to-end test.
func TestDeployCalls(t *testing.T) {
	var got []string
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Authorization")+" "+r.Header.Get("Content-Type"))
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPut && r.URL.Path == "/runtime/api/v1/apps/ttd/bad/releases/v1":
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = io.WriteString(w, `{"title":"Unprocessable Entity","status":422,"code":"invalid_app","detail":"lint","errors":[{"field":"App/ui/a.json#/x","code":"binding-unknown-field","detail":"no such field"}]}`)
		case r.Method == http.MethodPut:
			body, _ = io.ReadAll(r.Body)
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"ttd/skjema","org":"ttd","app":"skjema","version":"v1","size":3,"active":true,"current":true,"warnings":1,"findings":[{"severity":"warning","code":"c","location":"l","message":"m"}]}`)
		case r.Method == http.MethodGet:
			_, _ = io.WriteString(w, `{"releases":[{"id":"ttd/skjema","version":"v1","current":true}]}`)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, client.WithToken("tok"), client.WithRetry(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rel, err := c.Deploy(ctx, "ttd", "skjema", "v1", []byte("abc"))
	if err != nil || !rel.Created || rel.ID != "ttd/skjema" || len(rel.Findings) != 1 || string(body) != "abc" {
		t.Fatalf("Deploy = %+v, %v (body %q)", rel, err, body)
	}
	_, err = c.Deploy(ctx, "ttd", "bad", "v1", []byte("abc"))
	var de *client.DeployError
	var ae *client.APIError
	if !errors.As(err, &de) || !errors.As(err, &ae) || ae.Code != "invalid_app" || len(de.Findings) != 1 ||
		de.Findings[0] != (client.Finding{Severity: "error", Code: "binding-unknown-field", Location: "App/ui/a.json#/x", Message: "no such field"}) {
		t.Fatalf("refused deploy: %#v", err)
	}
	if rels, err := c.Releases(ctx, "", ""); err != nil || len(rels) != 1 || !rels[0].Current {
		t.Fatalf("Releases = %+v, %v", rels, err)
	}
	if _, err := c.Releases(ctx, "ttd", "skjema"); err != nil {
		t.Fatal(err)
	}
	if err := c.Undeploy(ctx, "ttd", "skjema", "v1", true); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"PUT /runtime/api/v1/apps/ttd/skjema/releases/v1 Bearer tok application/gzip",
		"PUT /runtime/api/v1/apps/ttd/bad/releases/v1 Bearer tok application/gzip",
		"GET /runtime/api/v1/apps Bearer tok ",
		"GET /runtime/api/v1/apps/ttd/skjema/releases Bearer tok ",
		"DELETE /runtime/api/v1/apps/ttd/skjema/releases/v1?purge=true Bearer tok ",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("requests:\n%q\nwant\n%q", got, want)
	}
}
