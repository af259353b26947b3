// SPDX-License-Identifier: MIT

package pdf_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/forms"
)

// env is a migrated database with the corpus app signing-test (a data task that
// makes a PDF, then two signing tasks) and its instance service.
type env struct {
	db    *dbx.DB
	st    *store.Store
	blobs blob.Store
	host  *apphost.Host
	svc   *instances.Service
	user  authz.Caller
	party int64
}

func newEnv(t testing.TB, db *dbx.DB) *env {
	t.Helper()
	return newEnvApp(t, db, testcorpus.Path(t, "apps", "signing-test"))
}

// newEnvApp is newEnv with signing-test (or a changed copy of it) loaded from dir.
func newEnvApp(t testing.TB, db *dbx.DB, dir string) *env {
	t.Helper()
	blobs, host, party := instancetest.Setup(t, db, dir, "310000007", nil)
	st := store.New(db)
	svc := instances.New(instances.Options{Store: st, Blobs: blobs, Apps: host, PublicURL: "https://rt.example"})
	return &env{db: db, st: st, blobs: blobs, host: host, svc: svc, party: party.ID,
		user: authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}}
}

// submit fills a new instance's form and moves its process to the end in lang,
// returning its ref.
func (e *env) submit(t testing.TB, lang string) instances.Ref {
	t.Helper()
	ctx := context.Background()
	snap, err := e.svc.Instantiate(ctx, e.user, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: e.party})
	if err != nil {
		t.Fatal(err)
	}
	var p instances.Patch
	fill := `[{"op":"add","path":"/form","value":{"name":"Kvittering AS","orgNumber":"310000001","year":2024,"income":100}}]`
	if err := json.Unmarshal([]byte(fill), &p); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.PatchData(ctx, e.user, snap, []instances.ElementPatch{{DataElementID: snap.Instance.Data[0].ID, Patch: p}}, nil, ""); err != nil {
		t.Fatal(err)
	}
	ref := instances.Ref{Org: "ttd", App: "signing-test", PartyID: e.party, GUID: snap.Instance.ID[len(itoa(e.party))+1:]}
	for {
		if snap, err = e.svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		if snap.CurrentTask() == "" {
			return ref
		}
		if _, err = e.svc.ProcessNext(ctx, e.user, snap, snap.NextActions()[0], lang); err != nil {
			t.Fatal(err)
		}
	}
}

// pdfs returns the instance's PDF elements.
func (e *env) pdfs(t testing.TB, ref instances.Ref) []instances.DataElement {
	t.Helper()
	snap, err := e.svc.Get(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	var out []instances.DataElement
	for _, d := range snap.Instance.Data {
		if d.DataType == instances.PDFDataType {
			out = append(out, d)
		}
	}
	return out
}

// jobs returns the payloads of every PDF job in the outbox, done or not.
func (e *env) jobs(t testing.TB) []instances.PDFJob {
	t.Helper()
	var payloads []string
	if err := e.db.Gorm.Raw("SELECT payload FROM outbox WHERE topic = ? ORDER BY id", instances.TopicPDF).Scan(&payloads).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]instances.PDFJob, len(payloads))
	for i, p := range payloads {
		if err := json.Unmarshal([]byte(p), &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// submitted runs an instance to the end, in nb, and returns it with a forms UI
// to print it.
func (e *env) submitted(t testing.TB) (*forms.Handler, *instances.Snapshot) {
	t.Helper()
	ui, err := forms.New(forms.Options{Service: e.svc, Store: e.st})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := e.svc.Get(context.Background(), e.submit(t, "nb"))
	if err != nil {
		t.Fatal(err)
	}
	return ui, snap
}
