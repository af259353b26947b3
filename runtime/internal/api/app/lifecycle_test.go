// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	appapi "github.com/blankett/blankett/runtime/internal/api/app"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// processView is the part of AppProcessState the tests read.
type processView struct {
	Ended       *string `json:"ended"`
	CurrentTask *struct {
		ElementID   string          `json:"elementId"`
		Actions     map[string]bool `json:"actions"`
		UserActions []struct {
			ID         string `json:"id"`
			Authorized bool   `json:"authorized"`
			Type       string `json:"type"`
		} `json:"userActions"`
		Read  bool `json:"read"`
		Write bool `json:"write"`
	} `json:"currentTask"`
	ProcessTasks []struct{ ElementID string } `json:"processTasks"`
}

// TestInstanceLifecycle drives an instance through the API an end-user system
// uses: multipart instantiation, active list, process state with per-action
// rights, JSON Patch, process next and completeProcess, history, the service
// owner's substatus and complete, and soft then hard delete.
func TestInstanceLifecycle(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		tok, org := e.token(t, e.dagl), e.orgToken(t)
		party := strconv.FormatInt(e.orgParty, 10)
		base := "/ttd/signing-test/instances"

		body, ct := multipartBody(t,
			part{name: "instance", contentType: "application/json", body: `{"instanceOwner":{"partyId":"` + party + `"}}`},
			part{name: "data", contentType: "application/xml", body: validXML},
			part{name: "vedlegg", contentType: "application/pdf", filename: "a.pdf", body: "%PDF-1.4 small"})
		r := e.do(t, tok, http.MethodPost, base, body, "Content-Type", ct)
		if r.Status != http.StatusCreated {
			t.Fatalf("multipart instantiate: %d %s", r.Status, r.Body)
		}
		var inst instances.Instance
		r.JSON(t, &inst)
		if len(inst.Data) != 2 {
			t.Fatalf("data = %+v, want the form part and the attachment (no empty auto-created form)", inst.Data)
		}
		ip := base + "/" + inst.ID
		formID := ""
		for _, d := range inst.Data {
			if d.DataType == "data" {
				formID = d.ID
			}
		}
		if r := e.do(t, tok, http.MethodGet, ip+"/data/"+formID, nil); !bytes.Contains(r.Body, []byte(`"name":"Test AS"`)) {
			t.Fatalf("form part not stored: %s", r.Body)
		}

		// Active list: the instance, for its party only.
		r = e.do(t, tok, http.MethodGet, base+"/"+party+"/active", nil)
		if r.Status != http.StatusOK || !strings.Contains(string(r.Body), `"id":"`+inst.ID+`"`) {
			t.Fatalf("active: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, e.token(t, e.citizen), http.MethodGet, base+"/"+party+"/active", nil); r.Status != http.StatusForbidden {
			t.Fatalf("active as another citizen: %d %s", r.Status, r.Body)
		}

		// Process state in Task_1: write ends the task and is allowed.
		var pv processView
		e.do(t, tok, http.MethodGet, ip+"/process", nil).JSON(t, &pv)
		if pv.CurrentTask == nil || pv.CurrentTask.ElementID != "Task_1" || !pv.CurrentTask.Actions["write"] ||
			!pv.CurrentTask.Read || !pv.CurrentTask.Write || len(pv.ProcessTasks) != 3 {
			t.Fatalf("process in Task_1: %+v", pv.CurrentTask)
		}

		// Patch: test then replace.
		patch := `{"patches":[{"dataElementId":"` + formID + `","patch":[{"op":"test","path":"/form/name","value":"Test AS"},` +
			`{"op":"replace","path":"/form/name","value":"Patched AS"}]}],"ignoredValidators":[]}`
		r = e.do(t, tok, http.MethodPatch, ip+"/data", []byte(patch), "Content-Type", "application/json")
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"name":"Patched AS"`)) || !bytes.Contains(r.Body, []byte(`"newDataModels"`)) {
			t.Fatalf("patch: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, tok, http.MethodGet, ip+"/data/"+formID, nil, "Accept", "application/xml"); !bytes.Contains(r.Body, []byte(`<name>Patched AS</name>`)) {
			t.Fatalf("patched XML: %s", r.Body)
		}
		single := `{"patch":[{"op":"replace","path":"/form/name","value":"Single AS"}]}`
		r = e.do(t, tok, http.MethodPatch, ip+"/data/"+formID, []byte(single), "Content-Type", "application/json")
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"newDataModel":{`)) {
			t.Fatalf("single patch: %d %s", r.Status, r.Body)
		}

		// Next with an explicit action; the signing task carries sign and reject.
		r = e.do(t, tok, http.MethodPut, ip+"/process/next", []byte(`{"action":"write"}`), "Content-Type", "application/json")
		if r.Status != http.StatusOK {
			t.Fatalf("next: %d %s", r.Status, r.Body)
		}
		pv = processView{}
		r.JSON(t, &pv)
		if pv.CurrentTask == nil || pv.CurrentTask.ElementID != "Task_2" {
			t.Fatalf("after next: %s", r.Body)
		}
		want := map[string]bool{"sign": true, "write": false, "reject": true}
		for a, ok := range want {
			if got, present := pv.CurrentTask.Actions[a]; !present || got != ok {
				t.Errorf("Task_2 actions[%s] = %v (present %v), want %v", a, got, present, ok)
			}
		}
		if len(pv.CurrentTask.UserActions) != 2 {
			t.Errorf("Task_2 userActions = %+v", pv.CurrentTask.UserActions)
		}
		for _, ua := range pv.CurrentTask.UserActions {
			if !ua.Authorized || ua.Type == "" {
				t.Errorf("user action %+v", ua)
			}
		}

		// completeProcess signs Task_2 and Task_3 (with the role Task_3 needs).
		if r := e.do(t, tok, http.MethodPut, ip+"/process/completeProcess", nil); r.Status != http.StatusForbidden {
			t.Fatalf("completeProcess without the Task_3 role: %d %s", r.Status, r.Body)
		}
		if err := e.st.GrantRole(ctx, e.dagl.ID, e.orgParty, "A0237"); err != nil {
			t.Fatal(err)
		}
		r = e.do(t, tok, http.MethodPut, ip+"/process/completeProcess", nil)
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"endEvent":"EndEvent_1"`)) {
			t.Fatalf("completeProcess: %d %s", r.Status, r.Body)
		}
		var hist instances.ProcessHistory
		e.do(t, tok, http.MethodGet, ip+"/process/history", nil).JSON(t, &hist)
		var steps []string
		for _, h := range hist.ProcessHistory {
			steps = append(steps, h.EventType+":"+h.ElementID)
		}
		wantSteps := "process_StartEvent:StartEvent_1 process_StartTask:Task_1 process_EndTask:Task_1 process_StartTask:Task_2 " +
			"process_EndTask:Task_2 process_StartTask:Task_3 process_EndTask:Task_3 process_EndEvent:EndEvent_1"
		if strings.Join(steps, " ") != wantSteps {
			t.Fatalf("history:\n got %s\nwant %s", strings.Join(steps, " "), wantSteps)
		}

		// The service owner sets a substatus and confirms; the user may not.
		if r := e.do(t, tok, http.MethodPut, ip+"/substatus", []byte(`{"label":"x"}`), "Content-Type", "application/json"); r.Status != http.StatusForbidden {
			t.Fatalf("substatus by the user: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, org, http.MethodPut, ip+"/substatus", []byte(`{"description":"no label"}`), "Content-Type", "application/json"); r.Status != http.StatusBadRequest || r.ProblemCode() != instances.CodeSubstatusInvalid {
			t.Fatalf("substatus without label: %d %s", r.Status, r.Body)
		}
		r = e.do(t, org, http.MethodPut, ip+"/substatus", []byte(`{"label":"received","description":"d"}`), "Content-Type", "application/json")
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"substatus":{"label":"received","description":"d"}`)) {
			t.Fatalf("substatus: %d %s", r.Status, r.Body)
		}
		afterSubstatus := rawLastChanged(t, r.Body)
		if r := e.do(t, tok, http.MethodPost, ip+"/complete", nil); r.Status != http.StatusForbidden {
			t.Fatalf("complete by the user: %d %s", r.Status, r.Body)
		}
		// The PDF receipt of Task_1 is still queued: confirming now would let the
		// service owner miss it.
		r = e.do(t, org, http.MethodPost, ip+"/complete", nil)
		if r.Status != http.StatusConflict || r.ProblemCode() != instances.CodePDFPending || r.Header.Get("Retry-After") == "" {
			t.Fatalf("complete with the PDF pending: %d %v %s", r.Status, r.Header, r.Body)
		}
		if n := e.finishPDFJobs(t); n == 0 {
			t.Fatal("no PDF job was queued")
		}
		// If-Match confirms only the state read: a stale ETag is 412; the ETag is the
		// lastChanged text of GET, and of the substatus answer before it, quoted.
		r = e.do(t, org, http.MethodGet, ip, nil)
		etag := r.Header.Get("ETag")
		if want := `"` + rawLastChanged(t, r.Body) + `"`; etag != want || etag != `"`+afterSubstatus+`"` {
			t.Fatalf("GET ETag %q, want the quoted lastChanged %s of GET and %s of the substatus answer", etag, want, afterSubstatus)
		}
		r = e.do(t, org, http.MethodPost, ip+"/complete", nil, "If-Match", `"2020-01-01T00:00:00Z"`)
		if r.Status != http.StatusPreconditionFailed || r.ProblemCode() != appapi.CodeInstanceChanged {
			t.Fatalf("complete with a stale If-Match: %d %s", r.Status, r.Body)
		}
		if r = e.do(t, org, http.MethodPost, ip+"/complete", nil, "If-Match", etag); r.Status != http.StatusOK {
			t.Fatalf("complete with GET's ETag: %d %s", r.Status, r.Body)
		}
		for range 2 {
			r = e.do(t, org, http.MethodPost, ip+"/complete", nil)
			r.JSON(t, &inst)
			if r.Status != http.StatusOK || len(inst.CompleteConfirmations) != 1 || inst.CompleteConfirmations[0].StakeholderID != "ttd" {
				t.Fatalf("complete: %d %s", r.Status, r.Body)
			}
		}

		// Soft delete keeps it readable; hard delete removes the rows, not the blobs.
		r = e.do(t, tok, http.MethodDelete, ip, nil)
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"isSoftDeleted":true`)) {
			t.Fatalf("soft delete: %d %s", r.Status, r.Body)
		}
		if r := e.do(t, tok, http.MethodGet, ip, nil); r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"isSoftDeleted":true`)) {
			t.Fatalf("read soft-deleted: %d %s", r.Status, r.Body)
		}
		before := e.counts(t)
		r = e.do(t, tok, http.MethodDelete, ip+"?hard=true", nil)
		if r.Status != http.StatusOK || !bytes.Contains(r.Body, []byte(`"isHardDeleted":true`)) {
			t.Fatalf("hard delete: %d %s", r.Status, r.Body)
		}
		after := e.counts(t)
		if after.instances != before.instances-1 || after.elements != before.elements-2 || after.blobs != before.blobs ||
			after.events != before.events+1 {
			t.Fatalf("hard delete: %+v → %+v", before, after)
		}
		if r := e.do(t, tok, http.MethodGet, ip, nil); r.Status != http.StatusNotFound {
			t.Fatalf("read hard-deleted: %d %s", r.Status, r.Body)
		}
		var evs []string
		if err := e.db.Gorm.Table("instance_events").Where("instance_guid = ?", inst.ID[len(party)+1:]).Order("seq").
			Pluck("event_type", &evs).Error; err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"Saved", "SubstatusUpdated", "ConfirmedComplete", "Deleted"} {
			if !strings.Contains(strings.Join(evs, ","), w) {
				t.Errorf("no %s event in %v", w, evs)
			}
		}
	})
}

// TestCreateWithPrefill covers POST instances/create: prefill converted to the
// model's types, dueBefore kept, unknown fields and bad values refused.
func TestCreateWithPrefill(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		body := `{"instanceOwner":{"organisationNumber":"310000001"},"dueBefore":"2030-01-01T00:00:00Z",` +
			`"prefill":{"form.name":"Prefilled AS","form.year":"2024"}}`
		r := e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances/create", []byte(body), "Content-Type", "application/json")
		if r.Status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.Status, r.Body)
		}
		var inst instances.Instance
		r.JSON(t, &inst)
		if !strings.HasPrefix(inst.ID, party+"/") || inst.DueBefore == nil || len(inst.Data) != 1 {
			t.Fatalf("instance: %s", r.Body)
		}
		r = e.do(t, tok, http.MethodGet, "/ttd/signing-test/instances/"+inst.ID+"/data/"+inst.Data[0].ID, nil)
		var model struct {
			Form map[string]any `json:"form"`
		}
		r.JSON(t, &model)
		if model.Form["name"] != "Prefilled AS" || model.Form["year"] != 2024.0 {
			t.Fatalf("prefilled model: %s", r.Body)
		}
		bad := []struct{ name, body, code string }{
			{"unknown field", `{"instanceOwner":{"partyId":"` + party + `"},"prefill":{"form.nope":"x"}}`, instances.CodePrefillInvalid},
			{"not a number", `{"instanceOwner":{"partyId":"` + party + `"},"prefill":{"form.year":"soon"}}`, instances.CodePrefillInvalid},
			{"copy", `{"instanceOwner":{"partyId":"` + party + `"},"sourceInstanceId":"1/x"}`, "bad_request"},
		}
		for _, tt := range bad {
			before := e.counts(t)
			r := e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances/create", []byte(tt.body), "Content-Type", "application/json")
			if r.Status != http.StatusBadRequest || r.ProblemCode() != tt.code {
				t.Errorf("%s: %d %s", tt.name, r.Status, r.Body)
			}
			if after := e.counts(t); after != before {
				t.Errorf("%s stored something: %+v → %+v", tt.name, before, after)
			}
		}
	})
}

// TestPartyTypesAllowed: an app for persons only refuses an organisation owner
// with 403 party_type_not_allowed and stores nothing.
func TestPartyTypesAllowed(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnvWith(t, db, func(md map[string]any) {
			md["partyTypesAllowed"] = map[string]any{"person": true, "organisation": false}
		})
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		before := e.counts(t)
		for _, path := range []string{"/ttd/signing-test/instances?instanceOwnerPartyId=" + party, "/ttd/signing-test/instances/create"} {
			r := e.do(t, tok, http.MethodPost, path, []byte(`{"instanceOwner":{"partyId":"`+party+`"}}`), "Content-Type", "application/json")
			if strings.Contains(path, "?") {
				r = e.do(t, tok, http.MethodPost, path, nil)
			}
			if r.Status != http.StatusForbidden || r.ProblemCode() != instances.CodePartyTypeNotAllowed {
				t.Fatalf("%s: %d %s", path, r.Status, r.Body)
			}
		}
		if after := e.counts(t); after != before {
			t.Fatalf("refused instantiation stored %+v → %+v", before, after)
		}
	})
}

// TestAllowedContributors: a data type open to org:ttd only refuses the user's
// upload and patch with 403 contributor_not_allowed; the service owner may add it.
func TestAllowedContributors(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnvWith(t, db, func(md map[string]any) {
			for _, dt := range md["dataTypes"].([]any) {
				if m := dt.(map[string]any); m["id"] == "vedlegg" {
					m["allowedContributors"] = []string{"org:ttd"}
				}
			}
		})
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		r := e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+party, nil)
		var inst instances.Instance
		r.JSON(t, &inst)
		up := "/ttd/signing-test/instances/" + inst.ID + "/data/vedlegg"
		hdr := []string{"Content-Type", "application/pdf", "Content-Disposition", `attachment; filename="a.pdf"`}
		before := e.counts(t)
		if r := e.do(t, tok, http.MethodPost, up, []byte("%PDF-1.4"), hdr...); r.Status != http.StatusForbidden || r.ProblemCode() != instances.CodeContributorRejected {
			t.Fatalf("user upload: %d %s", r.Status, r.Body)
		}
		body, ct := multipartBody(t, part{name: "vedlegg", contentType: "application/pdf", filename: "a.pdf", body: "%PDF-1.4"})
		r = e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+party, body, "Content-Type", ct)
		if r.Status != http.StatusForbidden || r.ProblemCode() != instances.CodeContributorRejected {
			t.Fatalf("user multipart part: %d %s", r.Status, r.Body)
		}
		if after := e.counts(t); after != before {
			t.Fatalf("refused uploads stored %+v → %+v", before, after)
		}
		if r := e.do(t, e.orgToken(t), http.MethodPost, up, []byte("%PDF-1.4"), hdr...); r.Status != http.StatusCreated {
			t.Fatalf("service owner upload: %d %s", r.Status, r.Body)
		}
	})
}

// rawLastChanged is the lastChanged text of an instance's JSON, as sent.
func rawLastChanged(t *testing.T, body []byte) string {
	t.Helper()
	var doc struct {
		LastChanged string `json:"lastChanged"`
	}
	if err := json.Unmarshal(body, &doc); err != nil || doc.LastChanged == "" {
		t.Fatalf("no lastChanged in %s: %v", body, err)
	}
	return doc.LastChanged
}
