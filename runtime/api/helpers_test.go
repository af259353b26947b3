// SPDX-License-Identifier: MIT

package api_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/internal/testenv/roletest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/api"
	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/getkin/kin-openapi/openapi3"
)

// loadSpec parses and validates the embedded document.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	return openapitest.Load(t, api.Spec())
}

// server is the runtime role started as platform.Run starts it: migrated SQLite in a
// temporary directory, the fs blob store, and the public engine with its middleware.
type server struct {
	*roletest.Server
	// st is the runtime's store, for seeding users and sessions.
	st *store.Store
}

// newServer starts the runtime role in dev mode (generated signing key, built-in dev
// IdP), serving the app directories given. The runtime listens for real only so that
// the login's OIDC discovery can reach the dev IdP at the public URL; the tests serve
// their requests in process.
func newServer(t *testing.T, apps ...string) *server {
	t.Helper()
	return newServerOn(t, nil, apps...)
}

// newServerOn is newServer on db, migrated first; nil is a new SQLite database.
func newServerOn(t *testing.T, db *dbx.DB, apps ...string) *server {
	t.Helper()
	cfg := runtime.DefaultConfig()
	cfg.Apps = apps
	rs := roletest.StartWith(t, runtime.New(cfg), roletest.Options{DB: db})
	return &server{Server: rs, st: store.New(rs.DB)}
}

// do serves req in process and records the exchange.
func (s *server) do(req *http.Request) openapitest.Exchange { return openapitest.Do(s.Handler, req) }

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
	ex := srv.do(httptest.NewRequest(http.MethodGet, "/authentication/api/v1/openid/.well-known/openid-configuration", nil))
	var meta struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(ex.Body, &meta); err != nil || !strings.HasSuffix(meta.TokenEndpoint, client.PathToken) {
		t.Fatalf("openid configuration %s: %v", ex.Body, err)
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
