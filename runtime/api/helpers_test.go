// SPDX-License-Identifier: MIT

package api_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/api"
	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"
)

// loadSpec parses and validates the embedded document.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(api.Spec())
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate openapi.yaml: %v", err)
	}
	return doc
}

// server is the runtime role started as platform.Run starts it: migrated SQLite in a
// temporary directory, the fs blob store, and the public engine with its middleware.
type server struct {
	engine  *gin.Engine
	handler http.Handler
	// st is the runtime's store, for seeding users and sessions.
	st *store.Store
}

// newServer starts the runtime role in dev mode (generated signing key, built-in dev
// IdP), serving the app directories given.
func newServer(t *testing.T, apps ...string) *server {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := dbx.Open(ctx, "sqlite:"+filepath.Join(dir, "runtime.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	blobs, err := fsblob.New(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := runtime.DefaultConfig()
	cfg.Apps = apps
	role := runtime.New(cfg)
	if _, err := db.Migrate(ctx, role.Migrations(), nil); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	// The runtime listens for real only so that the login's OIDC discovery can reach
	// the dev IdP at the public URL; the tests serve their requests in process.
	ts := httptest.NewUnstartedServer(nil)
	publicURL := "http://" + ts.Listener.Addr().String()
	e := httpx.NewEngine(log, httpx.NewMetrics())
	deps := platform.Deps{DB: db, Blob: blobs, PublicURL: publicURL, Dev: true, Version: "test", Log: log}
	if err := role.Start(ctx, deps, e); err != nil {
		t.Fatal(err)
	}
	s := &server{engine: e, handler: httpx.Public(e), st: store.New(db)}
	ts.Config.Handler = s.handler
	ts.Start()
	t.Cleanup(ts.Close)
	return s
}

// exchange is one request and the response the runtime gave.
type exchange struct {
	req    *http.Request
	status int
	header http.Header
	body   []byte
}

// do serves req in process and records the exchange.
func (s *server) do(t *testing.T, req *http.Request) exchange {
	t.Helper()
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	// Rewind the body so the validator can read it again.
	req.Body = io.NopCloser(bytes.NewReader(reqBody))
	return exchange{req: req, status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// clientToken registers machine client id for org with scopes and gets its
// platform token by the JWT grant from the token endpoint that the runtime's
// issuer metadata names (it listens at its public URL).
func clientToken(t *testing.T, srv *server, id, org string, scopes ...string) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ks, err := authn.NewKeySet(authn.PublicKey{ID: authn.NewSigningKey(priv).ID, Algorithm: authn.AlgEdDSA, Key: pub})
	if err != nil {
		t.Fatal(err)
	}
	jwks, err := ks.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := srv.st.CreateClient(ctx, store.MachineClient{ClientID: id, Org: org, OrgNumber: "991825827",
		Name: id, JWKS: string(jwks), Scopes: strings.Join(scopes, " ")}); err != nil {
		t.Fatal(err)
	}
	ex := srv.do(t, httptest.NewRequest(http.MethodGet, "/authentication/api/v1/openid/.well-known/openid-configuration", nil))
	var meta struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(ex.body, &meta); err != nil || !strings.HasSuffix(meta.TokenEndpoint, client.PathToken) {
		t.Fatalf("openid configuration %s: %v", ex.body, err)
	}
	c, err := client.New(strings.TrimSuffix(meta.TokenEndpoint, client.PathToken), client.WithClientKey(id, priv), client.WithScopes(scopes...))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := c.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
