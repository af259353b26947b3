// SPDX-License-Identifier: MIT

package deploy_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/internal/api/deploy"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// env is a server with the auth routes and the deploy API on a real gin engine.
type env struct {
	t      *testing.T
	url    string
	store  *store.Store
	host   *apphost.Host
	blobs  *fsblob.Store
	issuer *authn.Issuer
}

func newEnv(t *testing.T, db *dbx.DB, opts ...apphost.Option) *env {
	t.Helper()
	ctx := context.Background()
	set := dbx.MigrationSet{Name: "runtime", Migrations: append(store.Migrations(), apphost.Migrations()...)}
	if _, err := db.Migrate(ctx, set, nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(db)
	blobs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = blobs.Close() })
	host := apphost.New(db, blobs, opts...)
	key, err := authn.GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	log := slog.New(slog.DiscardHandler)
	h, err := auth.New(auth.Options{Store: st, Log: log, PublicURL: base, SigningKey: key, Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	e := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(e)
	deploy.Register(e, deploy.Deps{Host: host, Pins: st, Auth: h.Bearer(), Log: log})
	srv.Config.Handler = httpx.Public(e)
	srv.Start()
	t.Cleanup(srv.Close)
	return &env{t: t, url: base, store: st, host: host, blobs: blobs, issuer: h.Issuer()}
}

// token issues a platform token with claims.
func (e *env) token(c authn.Claims) string {
	e.t.Helper()
	tok, _, err := e.issuer.Issue(c, time.Hour)
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// deployer is the token of org's machine client with scopes (blankett:deploy by default).
func (e *env) deployer(org string, scopes ...string) string {
	if len(scopes) == 0 {
		scopes = []string{authz.ScopeDeploy}
	}
	return e.token(authn.Claims{Subject: org + "-ci", Org: org, OrgNumber: "991825827", AuthLevel: 3,
		AuthMethod: "maskinporten", Scopes: scopes, ClientID: org + "-ci"})
}

// response is one answer of the server.
type response = apitest.Response

// do sends a request with an optional bearer token, body and header pairs.
func (e *env) do(method, path, token string, body io.Reader, header ...string) response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.url+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return apitest.Send(e.t, req)
}

// put uploads bundle as the release at path (org/app/version).
func (e *env) put(path, token string, bundle []byte) response {
	e.t.Helper()
	return e.do(http.MethodPut, deploy.BasePath+"/"+path, token, bytes.NewReader(bundle), "Content-Type", "application/gzip")
}

// bundle packs a corpus app as `blankett deploy` does.
func bundle(t *testing.T, app string) []byte {
	t.Helper()
	b, err := client.PackDir(testcorpus.Path(t, "apps", app))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// release is the JSON of one release.
type release struct {
	ID, Org, App, Version, SHA256, DeployedBy string
	Size                                      int64
	DeployedAt                                time.Time
	Active, Current, Local                    bool
	Warnings                                  int
	Findings                                  []struct{ Severity, Code, Location, Message string }
}

// releases lists org's releases as its deployer sees them.
func (e *env) releases(org string) []release {
	e.t.Helper()
	r := e.do(http.MethodGet, deploy.BasePath, e.deployer(org), nil)
	if r.Status != http.StatusOK {
		e.t.Fatalf("list: %d %s", r.Status, r.Body)
	}
	var out struct{ Releases []release }
	r.JSON(e.t, &out)
	return out.Releases
}
