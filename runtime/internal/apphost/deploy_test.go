// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

func TestDeployCorpusApps(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		h := e.host(t)
		ctx := context.Background()
		for _, name := range []string{"subform-test", "signing-test", "multiple-datamodels-test", "stateless-app"} {
			t.Run(name, func(t *testing.T) {
				rel, err := h.Deploy(ctx, bytes.NewReader(pack(t, corpusFiles(t, name))), DeployMeta{Version: "v1.0.0", By: "alice", Org: "ttd", App: name})
				if err != nil {
					t.Fatal(err)
				}
				if rel.ID != "ttd/"+name || rel.App == nil || rel.Validator == nil || rel.Schemas == nil || rel.Renderer == nil || len(rel.SHA256) != 64 {
					t.Fatalf("release incomplete: %+v", rel)
				}
				if rel.App.Process != nil && rel.Process == nil {
					t.Error("process definition not compiled")
				}
				if rel.App.Policy != nil && (rel.Policy == nil || rel.Policy.Unbound) {
					t.Error("policy not compiled with its org and app")
				}
				cur, err := h.Current("ttd", name)
				if err != nil || cur != rel {
					t.Fatalf("Current = %v, %v", cur, err)
				}
				info, err := e.blobs.Stat(ctx, "releases/ttd/"+name+"/v1.0.0.tar.gz")
				if err != nil || info.SHA256 != rel.SHA256 {
					t.Fatalf("blob %+v, %v; want sha %s", info, err, rel.SHA256)
				}
			})
		}
		if n := len(h.List()); n != 4 {
			t.Errorf("List has %d releases, want 4", n)
		}
	})
}

func TestDeployRefuses(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		h := e.host(t)
		ctx := context.Background()
		good := pack(t, corpusFiles(t, "subform-test"))
		if _, err := h.Deploy(ctx, bytes.NewReader(good), DeployMeta{Version: "v1"}); err != nil {
			t.Fatal(err)
		}
		changed := corpusFiles(t, "subform-test")
		changed["README.md"] = []byte("changed")
		tests := []struct {
			name   string
			bundle []byte
			meta   DeployMeta
			want   error
			msg    string
		}{
			{"lint errors", pack(t, corpusFiles(t, "payment-test")), DeployMeta{Version: "v1"}, ErrInvalidApp, "lint found"},
			{"not an app", pack(t, map[string][]byte{"README.md": []byte("hi")}), DeployMeta{Version: "v1"}, ErrInvalidApp, ""},
			{"not gzip", []byte("plain text"), DeployMeta{Version: "v1"}, ErrBundle, "not gzip"},
			{"other app than meta", good, DeployMeta{Version: "v2", Org: "ttd", App: "other"}, ErrConflict, "not ttd/other"},
			{"same version, other content", pack(t, changed), DeployMeta{Version: "v1"}, ErrConflict, "other content"},
			{"no version", good, DeployMeta{}, ErrInvalidArgument, ""},
			{"version with slash", good, DeployMeta{Version: "v1/../x"}, ErrInvalidArgument, ""},
			{"reserved version", good, DeployMeta{Version: LocalVersion}, ErrInvalidArgument, "reserved"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := h.Deploy(ctx, bytes.NewReader(tt.bundle), tt.meta)
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
					t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.msg)
				}
			})
		}
		if n := len(h.List()); n != 1 {
			t.Errorf("refused deploys left %d releases, want 1", n)
		}
	})
}

func TestVersionsSideBySide(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		h := e.host(t)
		ctx := context.Background()
		v1files := corpusFiles(t, "signing-test")
		v2files := corpusFiles(t, "signing-test")
		v2files["README.md"] = append(v2files["README.md"], "\nv2\n"...)
		v1, err := h.Deploy(ctx, bytes.NewReader(pack(t, v1files)), DeployMeta{Version: "v1", By: "alice"})
		if err != nil {
			t.Fatal(err)
		}
		pinned := v1.Version // what an instance created now would store
		v2, err := h.Deploy(ctx, bytes.NewReader(pack(t, v2files)), DeployMeta{Version: "v2", By: "bob"})
		if err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, h, "v2")
		if got, err := h.Get("ttd", "signing-test", pinned); err != nil || got != v1 {
			t.Fatalf("pinned v1 after v2 deploy: %v, %v", got, err)
		}

		// Undeploy v2: v1 becomes current again, v2 stays loadable for its instances.
		if err := h.Undeploy(ctx, "ttd", "signing-test", "v2"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, h, "v1")
		if got, err := h.Get("ttd", "signing-test", "v2"); err != nil || got != v2 {
			t.Fatalf("undeployed v2 must stay loadable: %v, %v", got, err)
		}
		if err := h.Purge(ctx, "ttd", "signing-test", "v1"); !errors.Is(err, ErrConflict) {
			t.Fatalf("purge of active v1: %v, want ErrConflict", err)
		}

		// Restart: a new Host on the same database and blobs sees the same state.
		h2 := e.host(t)
		if n, err := h2.Restore(ctx); err != nil || n != 2 {
			t.Fatalf("Restore = %d, %v", n, err)
		}
		mustCurrent(t, h2, "v1")
		got, err := h2.Get("ttd", "signing-test", "v2")
		if err != nil || got.SHA256 != v2.SHA256 || got.DeployedBy != "bob" || !got.DeployedAt.Equal(v2.DeployedAt) {
			t.Fatalf("restored v2 = %+v, %v", got, err)
		}
		infos := h2.List()
		if len(infos) != 2 || !infos[0].Active || !infos[0].Current || infos[1].Active {
			t.Fatalf("List after restore = %+v", infos)
		}

		// Redeploying v2's same bytes is a rollforward: active and current again.
		if _, err := h2.Deploy(ctx, bytes.NewReader(pack(t, v2files)), DeployMeta{Version: "v2", By: "carol"}); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, h2, "v2")

		// Undeploy and purge v1: gone from the host, the database and the blobs.
		if err := h2.Undeploy(ctx, "ttd", "signing-test", "v1"); err != nil {
			t.Fatal(err)
		}
		if err := h2.Purge(ctx, "ttd", "signing-test", "v1"); err != nil {
			t.Fatal(err)
		}
		if _, err := h2.Get("ttd", "signing-test", "v1"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("purged v1: %v", err)
		}
		if _, err := e.blobs.Stat(ctx, blobKey("ttd", "signing-test", "v1")); err == nil {
			t.Fatal("purged bundle still in the blob store")
		}
		h3 := e.host(t)
		if n, err := h3.Restore(ctx); err != nil || n != 1 {
			t.Fatalf("Restore after purge = %d, %v", n, err)
		}
		if err := h3.Undeploy(ctx, "ttd", "signing-test", "v2"); err != nil {
			t.Fatal(err)
		}
		if _, err := h3.Current("ttd", "signing-test"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Current with every version undeployed: %v", err)
		}
	})
}

func mustCurrent(t *testing.T, h *Host, version string) {
	t.Helper()
	cur, err := h.Current("ttd", "signing-test")
	if err != nil || cur.Version != version {
		t.Fatalf("Current = %v, %v; want %s", cur, err, version)
	}
}

func TestRestoreRefusesTamperedBundle(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		if _, err := e.host(t).Deploy(ctx, bytes.NewReader(pack(t, corpusFiles(t, "subform-test"))), DeployMeta{Version: "v1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.host(t).Deploy(ctx, bytes.NewReader(pack(t, corpusFiles(t, "signing-test"))), DeployMeta{Version: "v1"}); err != nil {
			t.Fatal(err)
		}
		other := corpusFiles(t, "subform-test")
		other["README.md"] = []byte("tampered")
		if _, err := e.blobs.Put(ctx, blobKey("ttd", "subform-test", "v1"), bytes.NewReader(pack(t, other)), blobPut()); err != nil {
			t.Fatal(err)
		}
		h := e.host(t)
		n, err := h.Restore(ctx)
		if n != 1 || !errors.Is(err, ErrBundle) || !strings.Contains(err.Error(), "sha256") {
			t.Fatalf("Restore = %d, %v; want 1 and a sha256 ErrBundle", n, err)
		}
		if _, err := h.Current("ttd", "signing-test"); err != nil {
			t.Fatalf("the intact app must still be served: %v", err)
		}
	})
}
