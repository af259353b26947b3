// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// SetupSigningTest is the service tests' common start, shared with the
// external test package: instancetest.Setup with the corpus app signing-test.
func SetupSigningTest(t *testing.T, db *dbx.DB, orgNo string, wrap func(blob.Store) blob.Store) (blob.Store, *apphost.Host, store.Party) {
	t.Helper()
	return instancetest.Setup(t, db, testcorpus.Path(t, "apps", "signing-test"), orgNo, wrap)
}

// signingService is a service on the corpus app signing-test and a citizen
// caller acting for the organisation party orgNo (SetupSigningTest), with the
// store it writes to.
func signingService(t *testing.T, db *dbx.DB, orgNo string) (*Service, authz.Caller, *store.Store) {
	t.Helper()
	svc, c := signingWith(t, db, orgNo, Options{})
	return svc, c, svc.st
}

// signingWith is signingService with the other options of o (a clock, a public
// URL, a hook); its store, blob store and apps are set here.
func signingWith(t *testing.T, db *dbx.DB, orgNo string, o Options) (*Service, authz.Caller) {
	t.Helper()
	blobs, host, party := SetupSigningTest(t, db, orgNo, nil)
	o.Store, o.Blobs, o.Apps = store.New(db), blobs, host
	return New(o), authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
}

// newSigning instantiates signing-test for c's party.
func newSigning(t *testing.T, svc *Service, c authz.Caller) *Snapshot {
	t.Helper()
	snap, err := svc.Instantiate(context.Background(), c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// fillForm is a patch that makes signing-test's form valid.
const fillForm = `[{"op":"add","path":"/form","value":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}]`

// mustPatch decodes a JSON Patch.
func mustPatch(t *testing.T, ops string) Patch {
	t.Helper()
	var p Patch
	if err := json.Unmarshal([]byte(ops), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// filesApp is a service on the corpus app expression-validation-test (a form
// and two attachment types, any party type), a caller acting for its party, and
// newInstance making an instance of it.
type filesApp struct {
	svc *Service
	c   authz.Caller
}

func setupFilesApp(t *testing.T, db *dbx.DB) filesApp {
	t.Helper()
	blobs, host, party := instancetest.Setup(t, db, testcorpus.Path(t, "apps", "expression-validation-test"), "310000007", nil)
	return filesApp{svc: New(Options{Store: store.New(db), Blobs: blobs, Apps: host, PublicURL: "https://rt.example"}),
		c: authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}}
}

// request is an instantiation of the app for the caller's party.
func (a filesApp) request() InstantiateRequest {
	return InstantiateRequest{Org: "ttd", App: "expression-validation-test", PartyID: a.c.PartyID}
}

func (a filesApp) newInstance(t *testing.T) (*Snapshot, Ref) {
	t.Helper()
	snap, err := a.svc.Instantiate(context.Background(), a.c, a.request())
	if err != nil {
		t.Fatal(err)
	}
	return snap, Ref{Org: "ttd", App: "expression-validation-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
}
