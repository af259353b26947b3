// SPDX-License-Identifier: MIT

package apphost

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestLoadDirAndReload(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, data := range corpusFiles(t, "subform-test") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := New(nil, nil) // directories only, as `blankett runtime --app DIR` can run
	rel, err := h.LoadDir(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Version != LocalVersion || rel.Dir == "" || rel.ID != "ttd/subform-test" {
		t.Fatalf("LoadDir = %+v", rel)
	}
	if cur, err := h.Current("ttd", "subform-test"); err != nil || cur != rel {
		t.Fatalf("Current = %v, %v", cur, err)
	}

	again, err := h.Reload(ctx, "ttd", "subform-test")
	if err != nil || again == rel {
		t.Fatalf("Reload = %v, %v; want a new release", again, err)
	}
	// A broken file keeps the old release in service.
	meta := filepath.Join(dir, "App", "config", "applicationmetadata.json")
	if err := os.WriteFile(meta, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Reload(ctx, "ttd", "subform-test"); !errors.Is(err, ErrInvalidApp) {
		t.Fatalf("Reload of a broken app: %v, want ErrInvalidApp", err)
	}
	if cur, _ := h.Current("ttd", "subform-test"); cur != again {
		t.Fatal("a failed Reload replaced the release")
	}

	tests := []struct {
		name string
		run  func() error
		want error
	}{
		{"reload unknown app", func() error { _, err := h.Reload(ctx, "ttd", "nope"); return err }, ErrNotFound},
		{"load missing dir", func() error { _, err := h.LoadDir(ctx, filepath.Join(dir, "missing")); return err }, ErrInvalidArgument},
		{"deploy without store", func() error { _, err := h.Deploy(ctx, nil, DeployMeta{Version: "v1"}); return err }, errNoStore},
		{"restore without store", func() error { _, err := h.Restore(ctx); return err }, errNoStore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}

	if err := h.Undeploy(ctx, "ttd", "subform-test", LocalVersion); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Current("ttd", "subform-test"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Current after undeploy: %v", err)
	}
	if err := h.Purge(ctx, "ttd", "subform-test", LocalVersion); err != nil {
		t.Fatal(err)
	}
	if len(h.List()) != 0 {
		t.Fatalf("List after purge = %+v", h.List())
	}
}
