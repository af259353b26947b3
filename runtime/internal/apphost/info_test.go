// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestDeployErrorKinds checks the errors the deploy API tells apart: a lint
// failure carries its findings, a too large bundle and a bundle of another app
// have their own sentinels beside the general ones.
func TestDeployErrorKinds(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		good := pack(t, corpusFiles(t, "subform-test"))

		_, err := e.host(t).Deploy(ctx, bytes.NewReader(pack(t, corpusFiles(t, "payment-test"))), DeployMeta{Version: "v1"})
		var le *LintError
		if !errors.As(err, &le) || !errors.Is(err, ErrInvalidApp) {
			t.Fatalf("lint failure: %v (%T), want a *LintError that is ErrInvalidApp", err, err)
		}
		if le.App != "ttd/payment-test" || len(le.Findings) == 0 {
			t.Fatalf("LintError %+v", le)
		}
		for _, f := range le.Findings {
			if f.Severity != lint.Error || f.Code == "" || f.File == "" {
				t.Errorf("finding %+v: want an error with code and file", f)
			}
		}

		small := e.host(t, WithLimits(Limits{MaxBundleSize: int64(len(good) - 1), MaxTotalSize: 1 << 30, MaxFileSize: 1 << 30, MaxFiles: 1 << 20}))
		if got := small.Limits().MaxBundleSize; got != int64(len(good)-1) {
			t.Fatalf("Limits().MaxBundleSize = %d", got)
		}
		_, err = small.Deploy(ctx, bytes.NewReader(good), DeployMeta{Version: "v1"})
		if !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrBundle) {
			t.Fatalf("too large: %v, want ErrTooLarge and ErrBundle", err)
		}

		_, err = e.host(t).Deploy(ctx, bytes.NewReader(good), DeployMeta{Version: "v1", Org: "digdir", App: "subform-test"})
		if !errors.Is(err, ErrWrongApp) || !errors.Is(err, ErrConflict) {
			t.Fatalf("other org: %v, want ErrWrongApp and ErrConflict", err)
		}
		if _, err := e.host(t).Deploy(ctx, bytes.NewReader(good), DeployMeta{Version: "v1"}); errors.Is(err, ErrWrongApp) || err != nil {
			t.Fatalf("good bundle: %v", err)
		}
	})
}

// TestInfo covers Info for current, superseded and undeployed versions.
func TestInfo(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		h := e.host(t)
		ctx := context.Background()
		v2files := corpusFiles(t, "signing-test")
		v2files["README.md"] = append(v2files["README.md"], "\nv2\n"...)
		if _, err := h.Deploy(ctx, bytes.NewReader(pack(t, corpusFiles(t, "signing-test"))), DeployMeta{Version: "v1", By: "alice"}); err != nil {
			t.Fatal(err)
		}
		if _, err := h.Deploy(ctx, bytes.NewReader(pack(t, v2files)), DeployMeta{Version: "v2", By: "bob"}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			version         string
			active, current bool
			by              string
		}{
			{"v1", true, false, "alice"},
			{"v2", true, true, "bob"},
		}
		for _, tt := range tests {
			in, err := h.Info("ttd", "signing-test", tt.version)
			if err != nil || in.Active != tt.active || in.Current != tt.current || in.DeployedBy != tt.by || len(in.SHA256) != 64 || in.Warnings == 0 {
				t.Errorf("Info(%s) = %+v, %v", tt.version, in, err)
			}
		}
		if err := h.Undeploy(ctx, "ttd", "signing-test", "v2"); err != nil {
			t.Fatal(err)
		}
		if in, err := h.Info("ttd", "signing-test", "v2"); err != nil || in.Active || in.Current {
			t.Errorf("undeployed v2: %+v, %v", in, err)
		}
		if in, _ := h.Info("ttd", "signing-test", "v1"); !in.Current {
			t.Errorf("v1 not current after v2 was undeployed: %+v", in)
		}
		if _, err := h.Info("ttd", "signing-test", "v3"); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown version: %v", err)
		}
	})
}
