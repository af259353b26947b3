// SPDX-License-Identifier: MIT

package storage_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/api/storage"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/google/uuid"
)

// pdfTopic is the outbox topic of PDF receipt jobs.
const pdfTopic = instances.TopicPDF

// env is a server with the auth routes and the pull API on a real gin engine.
type env struct {
	t      *testing.T
	url    string
	store  *store.Store
	blobs  blob.Store
	issuer *authn.Issuer
}

func newEnv(t *testing.T, db *dbx.DB) *env { return newEnvPDF(t, db, true) }

// newEnvPDF is newEnv with Deps.WaitPDF set to wait (false as on a runtime
// that prints no PDFs).
func newEnvPDF(t *testing.T, db *dbx.DB, wait bool) *env {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "runtime", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(db)
	blobs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = blobs.Close() })
	key, err := authn.GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := auth.New(auth.Options{Store: st, Log: log, PublicURL: base, SigningKey: key,
		Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	e := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(e)
	storage.Register(e, storage.Deps{Store: st, Blobs: blobs, Auth: h.Authenticate(), Log: log, PublicURL: base, WaitPDF: wait})
	srv.Config.Handler = httpx.Public(e)
	srv.Start()
	t.Cleanup(srv.Close)
	return &env{t: t, url: base, store: st, blobs: blobs, issuer: h.Issuer()}
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

// owner is a service owner's token for org with scopes (both by default).
func (e *env) owner(org string, scopes ...string) string {
	if len(scopes) == 0 {
		scopes = []string{authz.ScopeServiceOwnerInstancesRead, authz.ScopeServiceOwnerInstancesWrite}
	}
	return e.token(authn.Claims{Subject: org + "-client", Org: org, OrgNumber: "991825827", AuthLevel: 3,
		AuthMethod: "maskinporten", Scopes: scopes, ClientID: org + "-client"})
}

// person is an end user's token with the end-user scopes.
func (e *env) person() string {
	return e.token(authn.Claims{Subject: "1337", UserID: "1337", PartyID: 500, AuthLevel: 2,
		Scopes: []string{authz.ScopeInstancesRead, authz.ScopeInstancesWrite}})
}

// response is one answer of the server.
type response = apitest.Response

// do sends a request with an optional bearer token and header pairs; a path is
// relative to the server.
func (e *env) do(method, target, token string, header ...string) response {
	e.t.Helper()
	if strings.HasPrefix(target, "/") {
		target = e.url + target
	}
	req, err := http.NewRequest(method, target, nil)
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

// instance creates an instance of app ("org/app") for party, changed at changed.
func (e *env) instance(party int64, app string, changed time.Time, mod func(*store.Instance)) store.Instance {
	e.t.Helper()
	org, _, _ := strings.Cut(app, "/")
	in := store.Instance{GUID: uuid.NewString(), PartyID: party, Org: org, AppID: app, AppVersion: "v1",
		CurrentTask: "Task_1", CreatedBy: "1337", Created: changed, LastChanged: changed,
		Document: `{"appId":"` + app + `","process":{"currentTask":{"elementId":"Task_1"}},"presentationTexts":{"a":"b"}}`}
	if mod != nil {
		mod(&in)
	}
	out, err := e.store.CreateInstance(context.Background(), in, store.Idempotency{})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// data writes content as a data element of in (blob first, then the row).
func (e *env) data(in store.Instance, dataType, filename, contentType string, content []byte) store.DataElement {
	e.t.Helper()
	ctx := context.Background()
	guid := uuid.NewString()
	key := store.BlobKey(in.AppID, in.GUID, guid, time.Now())
	info, err := e.blobs.Put(ctx, key, bytes.NewReader(content), blob.PutOptions{ContentType: contentType})
	if err != nil {
		e.t.Fatal(err)
	}
	d, err := e.store.CreateDataElement(ctx, store.DataElement{GUID: guid, InstanceID: in.ID, InstanceGUID: in.GUID,
		DataType: dataType, ContentType: contentType, Filename: filename, Size: info.Size, SHA256: info.SHA256,
		BlobKey: key, CreatedBy: "1337", Document: `{"tags":["x"]}`})
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

// doQuiet is do for other goroutines: it reports failures as status 0 instead
// of stopping the test.
func (e *env) doQuiet(method, path, token string) int {
	req, err := http.NewRequest(method, e.url+path, nil)
	if err != nil {
		return 0
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode
}
