// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
)

const validXML = `<?xml version="1.0" encoding="utf-8"?><data><form><name>Test AS</name><orgNumber>310000001</orgNumber><year>2024</year><income>100</income></form></data>`

func TestEndUserSystemFlow(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		base := "/ttd/signing-test/instances"
		party := strconv.FormatInt(e.orgParty, 10)

		// Instantiate twice with one idempotency key: one instance.
		r := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil, "Idempotency-Key", "k1")
		if r.status != http.StatusCreated {
			t.Fatalf("instantiate: %d %s", r.status, r.body)
		}
		var inst instances.Instance
		r.json(t, &inst)
		again := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil, "Idempotency-Key", "k1")
		var inst2 instances.Instance
		again.json(t, &inst2)
		if again.status != http.StatusCreated || inst2.ID != inst.ID {
			t.Fatalf("idempotent retry: %d, id %s want %s", again.status, inst2.ID, inst.ID)
		}
		if inst.Process == nil || inst.Process.CurrentTask == nil || inst.Process.CurrentTask.ElementID != "Task_1" ||
			inst.Process.CurrentTask.AltinnTaskType != "data" || inst.Process.StartEvent != "StartEvent_1" {
			t.Fatalf("process = %+v", inst.Process)
		}
		if len(inst.Data) != 1 || inst.Data[0].DataType != "data" || inst.Data[0].ContentType != "application/xml" {
			t.Fatalf("data = %+v", inst.Data)
		}
		ip := "/ttd/signing-test/instances/" + inst.ID
		dataURL := ip + "/data/" + inst.Data[0].ID

		// Another citizen sees nothing.
		other := e.token(t, e.citizen)
		for _, p := range []string{ip, dataURL, ip + "/process", ip + "/validate"} {
			if r := e.do(t, other, http.MethodGet, p, nil); r.status != http.StatusForbidden || bytes.Contains(r.body, []byte(`"dataType"`)) || bytes.Contains(r.body, []byte(`"currentTask"`)) {
				t.Fatalf("GET %s as another citizen: %d %s", p, r.status, r.body)
			}
		}
		if r := e.do(t, "", http.MethodGet, ip, nil); r.status != http.StatusUnauthorized {
			t.Fatalf("anonymous: %d", r.status)
		}

		// Invalid data blocks process/next with validationIssues.
		r = e.do(t, tok, http.MethodPut, ip+"/process/next", nil)
		if r.status != http.StatusConflict || !bytes.Contains(r.body, []byte(`"validationIssues"`)) {
			t.Fatalf("next with empty form: %d %s", r.status, r.body)
		}

		// Malformed XML, then valid XML; read back as JSON.
		if r := e.do(t, tok, http.MethodPut, dataURL, []byte("<data><form>"), "Content-Type", "application/xml"); r.status != http.StatusBadRequest {
			t.Fatalf("malformed XML: %d %s", r.status, r.body)
		}
		if r := e.do(t, tok, http.MethodPut, dataURL, []byte(validXML), "Content-Type", "application/xml"); r.status != http.StatusCreated {
			t.Fatalf("put XML: %d %s", r.status, r.body)
		}
		r = e.do(t, tok, http.MethodGet, dataURL, nil, "Accept", "application/json")
		if r.status != http.StatusOK || !bytes.Contains(r.body, []byte(`"orgNumber":"310000001"`)) {
			t.Fatalf("read JSON: %d %s", r.status, r.body)
		}

		// Uploads: unknown type, wrong content type, too large, fine.
		blobsBefore := countFiles(t, e.blobDir)
		pdf := []byte("%PDF-1.4 small")
		tests := []struct {
			name, dataType, ct string
			body               []byte
			want               int
		}{
			{"unknown data type", "nope", "application/pdf", pdf, http.StatusBadRequest},
			{"wrong content type", "vedlegg", "image/png", pdf, http.StatusUnsupportedMediaType},
			{"too large", "vedlegg", "application/pdf", bytes.Repeat([]byte("x"), 4096), http.StatusRequestEntityTooLarge},
		}
		for _, tt := range tests {
			r := e.do(t, tok, http.MethodPost, ip+"/data?dataType="+tt.dataType, tt.body, "Content-Type", tt.ct,
				"Content-Disposition", `attachment; filename="a.pdf"`)
			if r.status != tt.want {
				t.Fatalf("%s: %d %s", tt.name, r.status, r.body)
			}
		}
		if n := countFiles(t, e.blobDir); n != blobsBefore {
			t.Fatalf("rejected uploads left %d blobs", n-blobsBefore)
		}
		r = e.do(t, tok, http.MethodGet, ip, nil)
		r.json(t, &inst)
		if len(inst.Data) != 1 {
			t.Fatalf("rejected uploads left rows: %+v", inst.Data)
		}
		if r := e.do(t, tok, http.MethodPost, ip+"/data?dataType=vedlegg", pdf, "Content-Type", "application/pdf",
			"Content-Disposition", `attachment; filename="a.pdf"`); r.status != http.StatusCreated {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}

		// Valid data: of two nexts from the same state, the first wins and the
		// second, comparing the version it read, gets a conflict; over HTTP one
		// next moves on.
		ref := instances.Ref{Org: "ttd", App: "signing-test", PartyID: e.orgParty, GUID: inst.ID[len(party)+1:]}
		a, err := e.svc.Get(context.Background(), ref)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := e.svc.Get(context.Background(), ref)
		if r := e.do(t, tok, http.MethodPut, ip+"/process/next", nil); r.status != http.StatusOK {
			t.Fatalf("next: %d %s", r.status, r.body)
		}
		for _, snap := range []*instances.Snapshot{a, b} {
			if _, err := e.svc.ProcessNext(context.Background(), authz.Caller{Kind: authz.User, UserID: e.dagl.ID}, snap, "", ""); !errors.Is(err, instances.ErrConflict) {
				t.Fatalf("stale next: %v, want ErrConflict", err)
			}
		}
		r = e.do(t, tok, http.MethodGet, ip, nil)
		r.json(t, &inst)
		if inst.Process.CurrentTask == nil || inst.Process.CurrentTask.ElementID != "Task_2" {
			t.Fatalf("after next: %+v", inst.Process)
		}
		for _, d := range inst.Data {
			if !d.Locked {
				t.Fatalf("element %s of the finished task is not locked", d.ID)
			}
		}
	})
}
