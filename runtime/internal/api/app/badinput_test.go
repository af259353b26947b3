// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// TestBadInput sends requests that are wrong in one way each and checks the status,
// the problem's code, and that the database and the blob store gained nothing.
func TestBadInput(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok, org := e.token(t, e.dagl), e.orgToken(t)
		party := strconv.FormatInt(e.orgParty, 10)
		base := "/ttd/signing-test/instances"
		mk := func() (ip, formID string) {
			r := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil)
			var inst instances.Instance
			r.JSON(t, &inst)
			return base + "/" + inst.ID, inst.Data[0].ID
		}
		ip, formID := mk()
		// The form holds a name but misses required fields, so the task is not valid.
		if r := e.do(t, tok, http.MethodPut, ip+"/data/"+formID, []byte(`<data><form><name>Test AS</name></form></data>`),
			"Content-Type", "application/xml"); r.Status != http.StatusCreated {
			t.Fatalf("fill: %d %s", r.Status, r.Body)
		}
		ended, endedForm := mk()
		if r := e.do(t, tok, http.MethodPut, ended+"/data/"+endedForm, []byte(validXML), "Content-Type", "application/xml"); r.Status != http.StatusCreated {
			t.Fatalf("fill: %d %s", r.Status, r.Body)
		}
		if err := e.st.GrantRole(t.Context(), e.dagl.ID, e.orgParty, "A0237"); err != nil {
			t.Fatal(err)
		}
		if r := e.do(t, tok, http.MethodPut, ended+"/process/completeProcess", nil); r.Status != http.StatusOK {
			t.Fatalf("complete: %d %s", r.Status, r.Body)
		}
		otherParty := strconv.FormatInt(e.citizen.PartyID, 10)
		guid := ip[len(base)+len(party)+2:]
		pdf := "%PDF-1.4 small"
		big := string(bytes.Repeat([]byte("x"), 4096))
		pdfHdr := []string{"Content-Type", "application/pdf", "Content-Disposition", `attachment; filename="a.pdf"`}
		mp := func(parts ...part) ([]byte, []string) {
			b, ct := multipartBody(t, append([]part{{name: "instance", contentType: "application/json",
				body: `{"instanceOwner":{"partyId":"` + party + `"}}`}}, parts...)...)
			return b, []string{"Content-Type", ct}
		}
		type req struct {
			method, path string
			body         []byte
			header       []string
			stream, org  bool
		}
		with := func(method, path string, body []byte, header ...string) req {
			return req{method: method, path: path, body: body, header: header}
		}
		mpReq := func(parts ...part) req {
			b, h := mp(parts...)
			return req{method: http.MethodPost, path: base, body: b, header: h}
		}
		stream := func(r req) req { r.stream = true; return r }
		asOrg := func(r req) req { r.org = true; return r }
		badPart := func(ct, body string) part { return part{name: "data", contentType: ct, body: body} }
		tests := []struct {
			name   string
			req    req
			status int
			code   string
		}{
			{"upload with a content type the type does not allow", with(http.MethodPost, ip+"/data?dataType=vedlegg", []byte(pdf),
				"Content-Type", "image/png", "Content-Disposition", `attachment; filename="a.png"`), 415, instances.CodeContentTypeRejected},
			{"form data neither XML nor JSON", with(http.MethodPut, ip+"/data/"+formID, []byte("a=b"), "Content-Type", "text/plain"), 415, instances.CodeUnsupportedType},
			{"multipart part with a content type the type does not allow",
				mpReq(part{name: "vedlegg", contentType: "image/png", filename: "a.png", body: pdf}), 415, instances.CodeContentTypeRejected},
			{"patch that is not JSON", with(http.MethodPatch, ip+"/data", []byte(`{}`), "Content-Type", "text/plain"), 415, instances.CodeUnsupportedType},
			{"oversized upload cut off while streaming", stream(with(http.MethodPost, ip+"/data?dataType=vedlegg", []byte(big), pdfHdr...)), 413, instances.CodeTooLarge},
			{"oversized multipart part cut off while streaming", stream(mpReq(part{name: "data", contentType: "application/xml", body: validXML},
				part{name: "vedlegg", contentType: "application/pdf", filename: "a.pdf", body: big})), 413, instances.CodeTooLarge},
			{"malformed XML", with(http.MethodPut, ip+"/data/"+formID, []byte("<data><form>"), "Content-Type", "application/xml"), 400, instances.CodeDeserializeXML},
			{"malformed JSON", with(http.MethodPut, ip+"/data/"+formID, []byte(`{"form":`), "Content-Type", "application/json"), 400, instances.CodeDeserializeJSON},
			{"malformed XML in a multipart part", mpReq(badPart("application/xml", "<data><form>")), 400, instances.CodeDeserializeXML},
			{"malformed JSON in a multipart part", mpReq(badPart("application/json", `{"form":`)), 400, instances.CodeDeserializeJSON},
			{"XML of another root element", with(http.MethodPut, ip+"/data/"+formID, []byte("<other><x>1</x></other>"), "Content-Type", "application/xml"), 400, instances.CodeDeserializeXML},
			{"XML with an unclosed element in a multipart part", mpReq(badPart("text/xml", "<data><form><name>x</form></data>")), 400, instances.CodeDeserializeXML},
			{"unknown data type", with(http.MethodPost, ip+"/data?dataType=nope", []byte(pdf), pdfHdr...), 400, instances.CodeDataTypeUnknown},
			{"unknown data type as a multipart part", mpReq(part{name: "nope", contentType: "application/pdf", filename: "a.pdf", body: pdf}), 400, instances.CodeDataTypeUnknown},
			{"multipart part without a content type", mpReq(part{name: "data", body: validXML}), 400, instances.CodeMultipartInvalid},
			{"multipart with the instance part twice", mpReq(part{name: "instance", contentType: "application/json", body: `{}`}), 400, instances.CodeMultipartInvalid},
			{"empty file as a multipart part", mpReq(part{name: "vedlegg", contentType: "application/pdf", filename: "a.pdf"}), 400, instances.CodeEmpty},
			{"too many parts of a type", mpReq(badPart("application/xml", validXML), badPart("application/xml", validXML)), 409, instances.CodeTooMany},
			{"process next before the task is valid", with(http.MethodPut, ip+"/process/next", nil), 409, instances.CodeValidationFailed},
			{"process next when the process has ended", with(http.MethodPut, ended+"/process/next", nil), 409, instances.CodeProcessEnded},
			{"completeProcess when the process has ended", with(http.MethodPut, ended+"/process/completeProcess", nil), 409, instances.CodeProcessEnded},
			{"process start when it has started", with(http.MethodPost, ip+"/process/start", nil), 409, instances.CodeProcessStarted},
			{"patch after the process has ended (policy denies the user write)", with(http.MethodPatch, ended+"/data", []byte(`{"patches":[{"dataElementId":"`+endedForm+
				`","patch":[{"op":"replace","path":"/form/name","value":"x"}]}]}`), "Content-Type", "application/json"), 403, "forbidden"},
			{"patch after the process has ended (service owner)", asOrg(with(http.MethodPatch, ended+"/data", []byte(`{"patches":[{"dataElementId":"`+endedForm+
				`","patch":[{"op":"replace","path":"/form/name","value":"x"}]}]}`), "Content-Type", "application/json")), 409, instances.CodeNotActive},
			{"data upload after the process has ended (service owner)", asOrg(with(http.MethodPost, ended+"/data?dataType=vedlegg", []byte(pdf), pdfHdr...)),
				409, instances.CodeNotActive},
			{"another party's id in the path", with(http.MethodGet, base+"/"+otherParty+"/"+guid, nil), 403, "forbidden"},
			{"delete with another party's id", with(http.MethodDelete, base+"/"+otherParty+"/"+guid, nil), 403, "forbidden"},
			{"patch with another party's id", with(http.MethodPatch, base+"/"+otherParty+"/"+guid+"/data", []byte(`{"patches":[]}`),
				"Content-Type", "application/json"), 403, "forbidden"},
			{"active list of another party", with(http.MethodGet, base+"/"+otherParty+"/active", nil), 403, "forbidden"},
			{"instantiate for another party", with(http.MethodPost, base+"?instanceOwnerPartyId="+otherParty, nil), 403, "forbidden"},
			{"stale test op", with(http.MethodPatch, ip+"/data", []byte(`{"patches":[{"dataElementId":"`+formID+`","patch":[`+
				`{"op":"test","path":"/form/name","value":"someone else's edit"},{"op":"add","path":"/form/name","value":"x"}]}]}`),
				"Content-Type", "application/json"), 409, instances.CodePatchTestFailed},
			{"stale test op, single element", with(http.MethodPatch, ip+"/data/"+formID, []byte(`{"patch":[`+
				`{"op":"test","path":"/form","value":{"name":"old"}}]}`), "Content-Type", "application/json"), 409, instances.CodePatchTestFailed},
			{"patch naming a missing member", with(http.MethodPatch, ip+"/data", []byte(`{"patches":[{"dataElementId":"`+formID+`","patch":[`+
				`{"op":"replace","path":"/form/nope/deeper","value":"x"}]}]}`), "Content-Type", "application/json"), 422, instances.CodePatchInvalid},
			{"patch with a repeated member", with(http.MethodPatch, ip+"/data", []byte(`{"patches":[{"dataElementId":"`+formID+`","patch":[`+
				`{"op":"add","path":"/form/name","value":"x","op":"remove"}]}]}`), "Content-Type", "application/json"), 422, instances.CodePatchInvalid},
			{"patch whose result breaks the model", with(http.MethodPatch, ip+"/data", []byte(`{"patches":[{"dataElementId":"`+formID+`","patch":[`+
				`{"op":"add","path":"/form/year","value":{"not":"a number"}}]}]}`), "Content-Type", "application/json"), 422, instances.CodePatchInvalid},
			{"patch of an attachment", with(http.MethodPatch, ip+"/data", []byte(`{"patches":[{"dataElementId":"00000000-0000-0000-0000-000000000000","patch":[]}]}`),
				"Content-Type", "application/json"), 404, instances.CodeDataNotFound},
			{"delete with a bad hard flag", with(http.MethodDelete, ip+"?hard=maybe", nil), 400, "bad_request"},
		}
		// A value of the wrong type reads, so it is stored, as Altinn stores data that
		// parses, and validation reports it.
		if r := e.do(t, tok, http.MethodPut, ip+"/data/"+formID, []byte(`<data><form><name>Test AS</name><year>soon</year></form></data>`),
			"Content-Type", "application/xml"); r.Status != http.StatusCreated {
			t.Fatalf("schema-breaking value: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, tok, http.MethodGet, ip+"/validate", nil); !bytes.Contains(r.Body, []byte(`"field":"form.year"`)) {
			t.Fatalf("validate does not report form.year: %s", r.Body)
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := e.counts(t)
				as := tok
				if tt.req.org {
					as = org
				}
				var r response
				if tt.req.stream {
					r = e.doStream(t, as, tt.req.method, tt.req.path, tt.req.body, tt.req.header...)
				} else {
					r = e.do(t, as, tt.req.method, tt.req.path, tt.req.body, tt.req.header...)
				}
				if r.Status != tt.status || r.ProblemCode() != tt.code {
					t.Errorf("got %d %q, want %d %q: %s", r.Status, r.ProblemCode(), tt.status, tt.code, r.Body)
				}
				if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("Content-Type %q", ct)
				}
				if after := e.counts(t); after != before {
					t.Errorf("stored something: %+v → %+v", before, after)
				}
			})
		}
	})
}
