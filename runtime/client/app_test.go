// SPDX-License-Identifier: MIT

package client_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/client"
	appapi "github.com/blankett/blankett/runtime/internal/api/app"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	instsvc "github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// appServer starts the runtime's real app API on db serving the corpus app
// signing-test, seeds an organisation with a DAGL, and returns a client with an
// end-user system token for that person and the organisation's party.
func appServer(t *testing.T, db *dbx.DB) (*client.Client, int64, *store.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "runtime", Migrations: append(store.Migrations(), apphost.Migrations()...)}, nil); err != nil {
		t.Fatal(err)
	}
	st := store.New(db)
	blobs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	host := apphost.New(db, blobs)
	if _, err := host.LoadDir(ctx, testcorpus.Path(t, "apps", "signing-test")); err != nil {
		t.Fatal(err)
	}
	key, err := authn.GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	h, err := auth.New(auth.Options{Store: st, Log: log, PublicURL: base, SigningKey: key, Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	eng := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(eng)
	svc := instsvc.New(instsvc.Options{Store: st, Blobs: blobs, Apps: host, PublicURL: base, Log: log})
	appapi.New(svc, authz.New(authz.StoreRoles{Store: st}), log).Mount(eng, h.Authenticate())
	srv.Config.Handler = eng
	srv.Start()
	t.Cleanup(srv.Close)

	orgNo, ssn := "310000001", "01017012345"
	org, err := st.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &orgNo, Name: "Test AS"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &ssn, Name: "Ola"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, store.User{Username: "ola", PartyID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{"DAGL", "A0237"} {
		if err := st.GrantRole(ctx, u.ID, org.ID, role); err != nil {
			t.Fatal(err)
		}
	}
	tok, _, err := h.Issuer().Issue(authn.Claims{Subject: strconv.FormatInt(u.ID, 10), UserID: strconv.FormatInt(u.ID, 10),
		PartyID: p.ID, AuthLevel: 3, Scopes: []string{authz.ScopeInstancesRead, authz.ScopeInstancesWrite}, ClientID: "eus"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(srv.URL, client.WithToken(tok))
	if err != nil {
		t.Fatal(err)
	}
	return c, org.ID, st
}

// TestAppAPI runs an end-user system's flow through the SDK against the real app
// API: multipart instantiation, patch (and a stale test op), process next and
// complete, delete.
func TestAppAPI(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		c, party, _ := appServer(t, db)
		ctx := context.Background()
		in, err := c.Instantiate(ctx, "ttd", "signing-test", party, client.Part{DataType: "data", ContentType: "application/xml",
			Body: strings.NewReader(`<data><form><name>Test AS</name></form></data>`)})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Data) != 1 || in.Process.CurrentTask == nil || in.Process.CurrentTask.ElementID != "Task_1" {
			t.Fatalf("instance: %s", in.Raw)
		}
		form := in.Data[0].ID

		stale := []client.ElementPatch{{DataElementID: form, Patch: []client.PatchOp{{Op: "test", Path: "/form/name", Value: "Other AS"}}}}
		var apiErr *client.APIError
		if _, err := c.PatchData(ctx, "ttd", "signing-test", in.ID, stale); !errors.As(err, &apiErr) || apiErr.Status != 409 || apiErr.Code != "patch_test_failed" {
			t.Fatalf("stale patch: %v", err)
		}
		fill := []client.ElementPatch{{DataElementID: form, Patch: []client.PatchOp{
			{Op: "test", Path: "/form/name", Value: "Test AS"},
			{Op: "add", Path: "/form/orgNumber", Value: "310000001"}, {Op: "add", Path: "/form/year", Value: 2024},
			{Op: "add", Path: "/form/income", Value: 100}}}}
		res, err := c.PatchData(ctx, "ttd", "signing-test", in.ID, fill)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.NewDataModels) != 1 || !strings.Contains(string(res.NewDataModels[0].Data), `"year":2024`) {
			t.Fatalf("patch result: %+v", res.NewDataModels)
		}
		if _, err := c.ProcessStart(ctx, "ttd", "signing-test", in.ID); !errors.As(err, &apiErr) || apiErr.Code != "process_already_started" {
			t.Fatalf("process start: %v", err)
		}
		p, err := c.ProcessNext(ctx, "ttd", "signing-test", in.ID, "write")
		if err != nil {
			t.Fatal(err)
		}
		if p.CurrentTask == nil || p.CurrentTask.ElementID != "Task_2" {
			t.Fatalf("after next: %+v", p)
		}
		if p, err = c.CompleteProcess(ctx, "ttd", "signing-test", in.ID); err != nil || p.EndEvent != "EndEvent_1" {
			t.Fatalf("complete process: %+v %v", p, err)
		}
		del, err := c.DeleteInstance(ctx, "ttd", "signing-test", in.ID, false)
		if err != nil || !del.Status.IsSoftDeleted {
			t.Fatalf("soft delete: %+v %v", del.Status, err)
		}
		if del, err = c.DeleteInstance(ctx, "ttd", "signing-test", in.ID, true); err != nil || !del.Status.IsHardDeleted {
			t.Fatalf("hard delete: %+v %v", del.Status, err)
		}
		if _, err := c.Instantiate(ctx, "ttd", "signing-test", party, client.Part{DataType: "nope", ContentType: "application/json",
			Body: strings.NewReader(`{}`)}); !errors.As(err, &apiErr) || apiErr.Code != "data_type_unknown" {
			t.Fatalf("unknown part: %v", err)
		}
	})
}

// TestApplicationMetadata reads a deployed app's metadata from the real app API;
// an app that is not deployed is a 404 app_not_found, which the CLI takes for a
// misspelt --app.
func TestApplicationMetadata(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		c, _, _ := appServer(t, db)
		ctx := context.Background()
		raw, err := c.ApplicationMetadata(ctx, "ttd", "signing-test")
		if err != nil || !strings.Contains(string(raw), `"ttd/signing-test"`) {
			t.Fatalf("metadata: %v %s", err, raw)
		}
		var apiErr *client.APIError
		if _, err := c.ApplicationMetadata(ctx, "ttd", "nope"); !errors.As(err, &apiErr) || apiErr.Status != 404 || apiErr.Code != "app_not_found" {
			t.Fatalf("unknown app: %v", err)
		}
	})
}
