// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/testenv/apitest"
	appapi "github.com/blankett/blankett/runtime/internal/api/app"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// env is the runtime's app API on a real engine, store and blob store, serving a copy
// of the corpus app signing-test with one extra attachment type on Task_1.
type env struct {
	srv      *httptest.Server
	svc      *instances.Service
	st       *store.Store
	db       *dbx.DB
	blobDir  string
	issuer   *authn.Issuer
	orgParty int64
	dagl     store.User // holds DAGL for orgParty
	citizen  store.User // holds nothing for orgParty
}

func newEnv(t *testing.T, db *dbx.DB) *env { return newEnvWith(t, db, nil) }

// newEnvWith is newEnv with the app's metadata changed by edit first.
func newEnvWith(t *testing.T, db *dbx.DB, edit func(md map[string]any)) *env {
	t.Helper()
	ctx := context.Background()
	set := dbx.MigrationSet{Name: "runtime", Migrations: append(store.Migrations(), apphost.Migrations()...)}
	if _, err := db.Migrate(ctx, set, nil); err != nil {
		t.Fatal(err)
	}
	e := &env{st: store.New(db), db: db, blobDir: t.TempDir()}
	blobs, err := fsblob.New(e.blobDir)
	if err != nil {
		t.Fatal(err)
	}
	host := apphost.New(db, blobs)
	if _, err := host.LoadDir(ctx, appCopy(t, edit)); err != nil {
		t.Fatal(err)
	}
	key, err := authn.GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	e.srv = httptest.NewUnstartedServer(nil)
	base := "http://" + e.srv.Listener.Addr().String()
	h, err := auth.New(auth.Options{Store: e.st, Log: log, PublicURL: base, SigningKey: key, Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	e.issuer = h.Issuer()
	eng := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(eng)
	// WaitPDF as a runtime that prints PDFs; no PDF worker runs here, so a test
	// that confirms ends the jobs itself (finishPDFJobs).
	e.svc = instances.New(instances.Options{Store: e.st, Blobs: blobs, Apps: host, PublicURL: base, Log: log, WaitPDF: true})
	appapi.New(e.svc, authz.New(authz.StoreRoles{Store: e.st}), log).Mount(eng, h.Authenticate())
	e.srv.Config.Handler = eng
	e.srv.Start()
	t.Cleanup(e.srv.Close)
	e.seed(t)
	return e
}

func (e *env) seed(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	orgNo, ssn1, ssn2 := "310000001", "01017012345", "02027012345"
	org, err := e.st.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &orgNo, Name: "Test AS"})
	if err != nil {
		t.Fatal(err)
	}
	e.orgParty = org.ID
	for i, ssn := range []string{ssn1, ssn2} {
		p, err := e.st.CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &ssn, Name: "Person " + ssn})
		if err != nil {
			t.Fatal(err)
		}
		u, err := e.st.CreateUser(ctx, store.User{Username: "user" + strconv.Itoa(i), PartyID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			e.dagl = u
		} else {
			e.citizen = u
		}
	}
	if err := e.st.GrantRole(ctx, e.dagl.ID, org.ID, "DAGL"); err != nil {
		t.Fatal(err)
	}
}

// token is a platform token for an end-user system acting as user u.
func (e *env) token(t *testing.T, u store.User) string {
	t.Helper()
	return e.tokenWith(t, u, authz.ScopeInstancesRead, authz.ScopeInstancesWrite)
}

// tokenWith is token with only scopes.
func (e *env) tokenWith(t *testing.T, u store.User, scopes ...string) string {
	t.Helper()
	tok, _, err := e.issuer.Issue(authn.Claims{Subject: strconv.FormatInt(u.ID, 10), UserID: strconv.FormatInt(u.ID, 10),
		PartyID: u.PartyID, AuthLevel: 3, Scopes: scopes, ClientID: "end-user-system"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// appCopy copies signing-test and adds the attachment type "vedlegg" (PDF, at
// most 1 KiB, two per instance) to Task_1.
func appCopy(t *testing.T, edit func(md map[string]any)) string {
	t.Helper()
	src := testcorpus.Path(t, "apps", "signing-test")
	dst := filepath.Join(t.TempDir(), "signing-test")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	mdPath := filepath.Join(dst, "App", "config", "applicationmetadata.json")
	raw, err := os.ReadFile(mdPath)
	if err != nil {
		t.Fatal(err)
	}
	var md map[string]any
	if err := json.Unmarshal(raw, &md); err != nil {
		t.Fatal(err)
	}
	md["dataTypes"] = append(md["dataTypes"].([]any), map[string]any{"id": "vedlegg", "taskId": "Task_1",
		"allowedContentTypes": []string{"application/pdf"}, "maxSize": 1.0 / 1024, "maxCount": 2, "minCount": 0})
	if edit != nil {
		edit(md)
	}
	out, _ := json.MarshalIndent(md, "", "  ")
	if err := os.WriteFile(mdPath, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// orgToken is a platform token of the service owner ttd.
func (e *env) orgToken(t *testing.T) string {
	t.Helper()
	return e.orgTokenWith(t, authz.ScopeServiceOwnerInstancesRead, authz.ScopeServiceOwnerInstancesWrite)
}

// orgTokenWith is orgToken with only scopes.
func (e *env) orgTokenWith(t *testing.T, scopes ...string) string {
	t.Helper()
	tok, _, err := e.issuer.Issue(authn.Claims{Subject: "ttd-client", Org: "ttd", OrgNumber: "991825827", AuthLevel: 3,
		Scopes: scopes, ClientID: "ttd-client"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// response is one answer of the server.
type response = apitest.Response

func (e *env) do(t *testing.T, token, method, path string, body []byte, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body == nil {
		req.Body, req.ContentLength = nil, 0
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return apitest.Send(t, req)
}

// countFiles counts the blobs on disk under dir.
// signingTestBase is the app API base of the corpus app the env serves.
const signingTestBase = "/ttd/signing-test/instances"

// newInstance instantiates signing-test for the env's organisation party as
// the holder of tok and returns the instance and its app API path.
func (e *env) newInstance(t *testing.T, tok string) (instances.Instance, string) {
	t.Helper()
	r := e.do(t, tok, http.MethodPost, signingTestBase+"?instanceOwnerPartyId="+strconv.FormatInt(e.orgParty, 10), nil)
	if r.Status != http.StatusCreated {
		t.Fatalf("instantiate: %d %s", r.Status, r.Body)
	}
	var inst instances.Instance
	r.JSON(t, &inst)
	return inst, signingTestBase + "/" + inst.ID
}

// filledInstance is newInstance with its form holding validXML, ready for
// process/next.
func (e *env) filledInstance(t *testing.T, tok string) (instances.Instance, string) {
	t.Helper()
	inst, ip := e.newInstance(t, tok)
	if r := e.do(t, tok, http.MethodPut, ip+"/data/"+inst.Data[0].ID, []byte(validXML), "Content-Type", "application/xml"); r.Status != http.StatusCreated {
		t.Fatalf("fill: %d %s", r.Status, r.Body)
	}
	return inst, ip
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// counts is how many rows the instance tables and files the blob store hold.
type counts struct{ instances, elements, events, blobs int64 }

func (e *env) counts(t *testing.T) counts {
	t.Helper()
	var c counts
	for _, q := range []struct {
		table string
		n     *int64
	}{{"instances", &c.instances}, {"data_elements", &c.elements}, {"instance_events", &c.events}} {
		if err := e.db.Gorm.Table(q.table).Count(q.n).Error; err != nil {
			t.Fatal(err)
		}
	}
	c.blobs = int64(countFiles(t, e.blobDir))
	return c
}

// part is one part of a multipart body.
type part struct{ name, contentType, filename, body string }

// multipartBody encodes parts and returns the body and its Content-Type.
func multipartBody(t *testing.T, parts ...part) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		cd := `form-data; name="` + p.name + `"`
		if p.filename != "" {
			cd += `; filename="` + p.filename + `"`
		}
		h.Set("Content-Disposition", cd)
		if p.contentType != "" {
			h.Set("Content-Type", p.contentType)
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = pw.Write([]byte(p.body))
	}
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

// doStream sends body without a Content-Length (chunked), so the server sees the
// size only while it streams.
func (e *env) doStream(t *testing.T, token, method, path string, body []byte, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, io.NopCloser(bytes.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = -1
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return apitest.Send(t, req)
}

// finishPDFJobs marks every queued PDF job done, as the PDF worker would after
// storing the receipt; it returns how many there were.
func (e *env) finishPDFJobs(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	jobs, err := e.st.Claim(ctx, 100, "test-pdf-worker", time.Minute, instances.TopicPDF)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if err := e.st.Complete(ctx, j.ID, "test-pdf-worker"); err != nil {
			t.Fatal(err)
		}
	}
	return len(jobs)
}
