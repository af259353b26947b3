// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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
		if r.Status != http.StatusCreated {
			t.Fatalf("instantiate: %d %s", r.Status, r.Body)
		}
		var inst instances.Instance
		r.JSON(t, &inst)
		again := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil, "Idempotency-Key", "k1")
		var inst2 instances.Instance
		again.JSON(t, &inst2)
		if again.Status != http.StatusCreated || inst2.ID != inst.ID {
			t.Fatalf("idempotent retry: %d, id %s want %s", again.Status, inst2.ID, inst.ID)
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
			if r := e.do(t, other, http.MethodGet, p, nil); r.Status != http.StatusForbidden || bytes.Contains(r.Body, []byte(`"dataType"`)) || bytes.Contains(r.Body, []byte(`"currentTask"`)) {
				t.Fatalf("GET %s as another citizen: %d %s", p, r.Status, r.Body)
			}
		}
		if r := e.do(t, "", http.MethodGet, ip, nil); r.Status != http.StatusUnauthorized {
			t.Fatalf("anonymous: %d", r.Status)
		}

		// Invalid data blocks process/next with validationIssues.
		r = e.do(t, tok, http.MethodPut, ip+"/process/next", nil)
		if r.Status != http.StatusConflict || !bytes.Contains(r.Body, []byte(`"validationIssues"`)) {
			t.Fatalf("next with empty form: %d %s", r.Status, r.Body)
		}

		// Malformed XML, then valid XML; read back as JSON.
		if r := e.do(t, tok, http.MethodPut, dataURL, []byte("<data><form>"), "Content-Type", "application/xml"); r.Status != http.StatusBadRequest {
			t.Fatalf("malformed XML: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, tok, http.MethodPut, dataURL, []byte(validXML), "Content-Type", "application/xml"); r.Status != http.StatusCreated {
			t.Fatalf("put XML: %d %s", r.Status, r.Body)
		}
		r = e.do(t, tok, http.MethodGet, dataURL, nil, "Accept", "application/json")
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"orgNumber":"310000001"`)) {
			t.Fatalf("read JSON: %d %s", r.Status, r.Body)
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
			if r.Status != tt.want {
				t.Fatalf("%s: %d %s", tt.name, r.Status, r.Body)
			}
		}
		if n := countFiles(t, e.blobDir); n != blobsBefore {
			t.Fatalf("rejected uploads left %d blobs", n-blobsBefore)
		}
		r = e.do(t, tok, http.MethodGet, ip, nil)
		r.JSON(t, &inst)
		if len(inst.Data) != 1 {
			t.Fatalf("rejected uploads left rows: %+v", inst.Data)
		}
		up := e.do(t, tok, http.MethodPost, ip+"/data?dataType=vedlegg", pdf, "Content-Type", "application/pdf",
			"Content-Disposition", `attachment; filename="a.pdf"`)
		if up.Status != http.StatusCreated {
			t.Fatalf("upload: %d %s", up.Status, up.Body)
		}
		// The file comes back as a download that no browser runs, sniffs or
		// shares from a cache.
		var el struct{ ID string }
		up.JSON(t, &el)
		got := e.do(t, tok, http.MethodGet, ip+"/data/"+el.ID, nil)
		for k, want := range map[string]string{"Content-Type": "application/pdf", "Content-Disposition": `attachment; filename=a.pdf`,
			"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox", "Cache-Control": "private, no-cache"} {
			if v := got.Header.Get(k); v != want {
				t.Errorf("GET the file: %s = %q, want %q", k, v, want)
			}
		}
		if !bytes.Equal(got.Body, pdf) {
			t.Errorf("GET the file: %d bytes back, want the %d sent", len(got.Body), len(pdf))
		}
		// Its ETag is the content's SHA-256; a client holding it gets 304.
		sum := sha256.Sum256(pdf)
		if etag := got.Header.Get("ETag"); etag != `"`+hex.EncodeToString(sum[:])+`"` {
			t.Errorf("GET the file: ETag %q", etag)
		} else if again := e.do(t, tok, http.MethodGet, ip+"/data/"+el.ID, nil, "If-None-Match", "W/"+etag); again.Status != http.StatusNotModified || len(again.Body) != 0 {
			t.Errorf("GET with If-None-Match: %d, %d bytes", again.Status, len(again.Body))
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
		if r := e.do(t, tok, http.MethodPut, ip+"/process/next", nil); r.Status != http.StatusOK {
			t.Fatalf("next: %d %s", r.Status, r.Body)
		}
		for _, snap := range []*instances.Snapshot{a, b} {
			if _, err := e.svc.ProcessNext(context.Background(), authz.Caller{Kind: authz.User, UserID: e.dagl.ID}, snap, "", ""); !errors.Is(err, instances.ErrConflict) {
				t.Fatalf("stale next: %v, want ErrConflict", err)
			}
		}
		r = e.do(t, tok, http.MethodGet, ip, nil)
		r.JSON(t, &inst)
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
