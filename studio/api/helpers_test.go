// SPDX-License-Identifier: MIT

package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/studio"
	"github.com/gin-gonic/gin"
)

// devPassword is the dev user's password in these tests.
const devPassword = "dev-password-for-tests"

// server is the studio role started as platform.Run starts it, in dev mode.
type server struct {
	engine  *gin.Engine
	handler http.Handler
	url     string
}

// newServer starts studio in dev mode on migrated SQLite. It listens for real so that
// the OIDC login's discovery and code exchange reach the dev IdP at the public URL.
func newServer(t *testing.T) *server {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := dbx.Open(ctx, "sqlite:"+filepath.Join(dir, "studio.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	blobs, err := fsblob.New(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := studio.DefaultConfig()
	cfg.DevPassword = devPassword
	role := studio.New(cfg)
	if _, err := db.Migrate(ctx, role.Migrations(), nil); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	ts := httptest.NewUnstartedServer(nil)
	publicURL := "http://" + ts.Listener.Addr().String()
	e := httpx.NewEngine(log, httpx.NewMetrics())
	deps := platform.Deps{DB: db, Blob: blobs, PublicURL: publicURL, DataDir: dir, Dev: true, Version: "test", Log: log}
	if err := role.Start(ctx, deps, e); err != nil {
		t.Fatal(err)
	}
	s := &server{engine: e, handler: httpx.Public(e), url: publicURL}
	ts.Config.Handler = s.handler
	ts.Start()
	t.Cleanup(ts.Close)
	return s
}

func (s *server) do(req *http.Request) openapitest.Exchange { return openapitest.Do(s.handler, req) }

// jsonRequest builds a request with a JSON body (nil: none).
func jsonRequest(method, path string, body any) *http.Request {
	var r *http.Request
	if body == nil {
		r = httptest.NewRequest(method, path, nil)
	} else {
		b, _ := json.Marshal(body)
		r = httptest.NewRequest(method, path, bytes.NewReader(b))
		r.Header.Set("Content-Type", "application/json")
	}
	return r
}
