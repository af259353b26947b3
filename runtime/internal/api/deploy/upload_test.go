// SPDX-License-Identifier: MIT

package deploy_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/internal/api/deploy"
	"github.com/blankett/blankett/runtime/internal/apphost"
)

// TestUploadAndRedeploy deploys a corpus app, deploys the same bytes again (200,
// current again after a newer version) and reads the release back.
func TestUploadAndRedeploy(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.deployer("ttd")
		v1 := bundle(t, "signing-test")

		r := e.put("ttd/signing-test/releases/v1", tok, v1)
		if r.Status != http.StatusCreated || r.Header.Get("Location") != deploy.BasePath+"/ttd/signing-test/releases/v1" {
			t.Fatalf("deploy: %d %v %s", r.Status, r.Header, r.Body)
		}
		var got release
		r.JSON(t, &got)
		if got.ID != "ttd/signing-test" || got.Version != "v1" || !got.Active || !got.Current || got.DeployedBy != "ttd-ci" ||
			got.Size != int64(len(v1)) || len(got.SHA256) != 64 || got.Warnings == 0 || len(got.Findings) < got.Warnings {
			t.Fatalf("release %+v", got)
		}
		if cur, err := e.host.Current("ttd", "signing-test"); err != nil || cur.Version != "v1" {
			t.Fatalf("current %v, %v", cur, err)
		}

		v2 := repack(t, "signing-test", "README.md", "v2")
		if r := e.put("ttd/signing-test/releases/v2", tok, v2); r.Status != http.StatusCreated {
			t.Fatalf("deploy v2: %d %s", r.Status, r.Body)
		}
		r = e.put("ttd/signing-test/releases/v1", tok, v1)
		if r.Status != http.StatusOK {
			t.Fatalf("redeploy v1: %d %s", r.Status, r.Body)
		}
		if cur, _ := e.host.Current("ttd", "signing-test"); cur.Version != "v1" {
			t.Fatalf("after redeploying v1 the current version is %s", cur.Version)
		}

		r = e.do(http.MethodGet, deploy.BasePath+"/ttd/signing-test/releases/v2", tok, nil)
		r.JSON(t, &got)
		if r.Status != http.StatusOK || got.Version != "v2" || got.Current || !got.Active {
			t.Fatalf("get v2: %d %s", r.Status, r.Body)
		}
		apitest.WantProblem(t, e.do(http.MethodGet, deploy.BasePath+"/ttd/signing-test/releases/v9", tok, nil), http.StatusNotFound, deploy.CodeReleaseNotFound)
	})
}

// repack packs a corpus app with one file changed.
func repack(t *testing.T, app, file, content string) []byte {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testcorpus.Path(t, "apps", app))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := client.PackDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestUploadRefuses sends bad uploads: each gets its problem, and nothing is
// stored, neither a release nor a blob.
func TestUploadRefuses(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		good, payment, changed := bundle(t, "subform-test"), bundle(t, "payment-test"), repack(t, "subform-test", "README.md", "x")
		limit := max(len(good), len(payment), len(changed)) + 10
		e := newEnv(t, db, apphost.WithLimits(apphost.Limits{MaxBundleSize: int64(limit), MaxTotalSize: 1 << 30, MaxFileSize: 1 << 30, MaxFiles: 1 << 20}))
		tok := e.deployer("ttd")
		if r := e.put("ttd/subform-test/releases/v1", tok, good); r.Status != http.StatusCreated {
			t.Fatalf("good deploy: %d %s", r.Status, r.Body)
		}
		big := append(bytes.Clone(good), make([]byte, limit+20-len(good))...)
		tests := []struct {
			name   string
			path   string
			body   io.Reader
			header []string
			status int
			code   string
		}{
			{"not gzip", "ttd/subform-test/releases/v2", strings.NewReader("plain text"), nil, 400, deploy.CodeInvalidBundle},
			{"lint errors", "ttd/payment-test/releases/v1", bytes.NewReader(payment), nil, 422, deploy.CodeInvalidApp},
			{"other app in the bundle", "ttd/other/releases/v1", bytes.NewReader(good), nil, 422, deploy.CodeBundleAppMismatch},
			{"same version, other content", "ttd/subform-test/releases/v1", bytes.NewReader(changed), nil, 409, deploy.CodeReleaseExists},
			{"reserved version", "ttd/subform-test/releases/local", bytes.NewReader(good), nil, 400, deploy.CodeInvalidName},
			{"bad version", "ttd/subform-test/releases/-v", bytes.NewReader(good), nil, 400, deploy.CodeInvalidName},
			{"text body", "ttd/subform-test/releases/v2", bytes.NewReader(good), []string{"Content-Type", "text/plain"}, 415, deploy.CodeUnsupportedType},
			{"too large by Content-Length", "ttd/subform-test/releases/v2", bytes.NewReader(big), nil, 413, deploy.CodeBundleTooLarge},
			// Without a length the server learns the size only by reading.
			{"too large, streamed", "ttd/subform-test/releases/v2", io.MultiReader(bytes.NewReader(big)), nil, 413, deploy.CodeBundleTooLarge},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				header := tt.header
				if header == nil {
					header = []string{"Content-Type", "application/gzip"}
				}
				p := apitest.WantProblem(t, e.do(http.MethodPut, deploy.BasePath+"/"+tt.path, tok, tt.body, header...), tt.status, tt.code)
				if tt.code == deploy.CodeInvalidApp {
					if len(p.Errors) == 0 {
						t.Fatalf("lint problem without findings: %+v", p)
					}
					for _, f := range p.Errors {
						if f.Code == "" || !strings.HasPrefix(f.Field, "App/") || f.Detail == "" {
							t.Errorf("finding %+v lacks code, location or message", f)
						}
					}
				}
			})
		}
		if rels := e.releases("ttd"); len(rels) != 1 || rels[0].Version != "v1" || rels[0].App != "subform-test" {
			t.Fatalf("refused uploads changed the releases: %+v", rels)
		}
		var keys []string
		err := e.blobs.List(context.Background(), "releases/", func(info blob.Info) error {
			keys = append(keys, info.Key)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 1 || keys[0] != "releases/ttd/subform-test/v1.tar.gz" {
			t.Fatalf("blobs after refused uploads: %v", keys)
		}
	})
}
