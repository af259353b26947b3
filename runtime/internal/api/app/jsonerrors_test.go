// SPDX-License-Identifier: MIT

package app_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// TestJSONBodyErrorsInUsersWords: a JSON body with a value of the wrong kind
// is 400 with a detail that names the field and the kind it must be, and no
// Go type names (int64, []string, "Go struct field").
func TestJSONBodyErrorsInUsersWords(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		base := signingTestBase
		inst, ip := e.newInstance(t, tok)
		for _, tt := range []struct {
			name, method, path, body, want string
		}{
			{"create", http.MethodPost, base + "/create", `{"instanceOwner":{"partyId":{"id":1}}}`,
				`"instanceOwner.partyId" must be a JSON string, not an object`},
			{"create, dueBefore", http.MethodPost, base + "/create", `{"instanceOwner":{"partyId":"` + party + `"},"dueBefore":"tomorrow"}`,
				`"tomorrow" is not a date-time in RFC 3339 form`},
			{"personNumber a number", http.MethodPost, base + "/create", `{"instanceOwner":{"personNumber":1017512345}}`,
				`"instanceOwner.personNumber" must be a JSON string, not a number`},
			{"template", http.MethodPost, base, `{"instanceOwner":{"partyId":[1]}}`,
				`"instanceOwner.partyId" must be a JSON string, not an array`},
			{"patch", http.MethodPatch, ip + "/data", `{"patches":"all"}`, `"patches" must be a JSON array, not a string`},
			{"tags", http.MethodPut, ip + "/data/" + inst.Data[0].ID + "/tags", `{"tags":"a"}`, `must be a JSON array, not a string`},
			{"next", http.MethodPut, ip + "/process/next", `{"action":1}`, `"action" must be a JSON string, not a number`},
			{"dueBefore a number", http.MethodPost, base + "/create", `{"instanceOwner":{"partyId":"` + party + `"},"dueBefore":5}`,
				`"dueBefore" must be a JSON string (an RFC 3339 date-time), not a number`},
			{"cut short", http.MethodPost, base + "/create", `{"instanceOwner":`, `the JSON breaks off before its end`},
		} {
			r := e.do(t, tok, tt.method, tt.path, []byte(tt.body), "Content-Type", "application/json")
			var p struct{ Detail string }
			r.JSON(t, &p)
			if r.Status != http.StatusBadRequest || !strings.Contains(p.Detail, tt.want) {
				t.Errorf("%s: %d %q, want 400 with %q", tt.name, r.Status, p.Detail, tt.want)
			}
			for _, goWords := range []string{"Go ", "int64", "[]string", "main.", "UnmarshalJSON"} {
				if strings.Contains(p.Detail, goWords) {
					t.Errorf("%s: the detail %q speaks of Go (%q)", tt.name, p.Detail, goWords)
				}
			}
		}
	})
}

// TestNumbersForStrings: as Altinn's apps take them, a partyId given as a JSON
// number (template and /create) and a prefill value given as a number are
// read as their text, and a dueBefore without a zone, or a bare date, as UTC.
func TestNumbersForStrings(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		base := signingTestBase
		for _, tt := range []struct{ path, body string }{
			{base, `{"instanceOwner":{"partyId":` + party + `}}`},
			{base + "/create", `{"instanceOwner":{"partyId":` + party + `},"prefill":{"form.name":"Tall AS","form.year":2024}}`},
			{base + "/create", `{"instanceOwner":{"partyId":"` + party + `"},"dueBefore":"2030-01-01T00:00:00"}`},
			{base + "/create", `{"instanceOwner":{"partyId":"` + party + `"},"dueBefore":"2030-01-01"}`},
		} {
			r := e.do(t, tok, http.MethodPost, tt.path, []byte(tt.body), "Content-Type", "application/json")
			if r.Status != http.StatusCreated {
				t.Fatalf("%s %s: %d %s", tt.path, tt.body, r.Status, r.Body)
			}
			var inst instances.Instance
			r.JSON(t, &inst)
			if !strings.HasPrefix(inst.ID, party+"/") {
				t.Errorf("%s: instance %s, want party %s", tt.path, inst.ID, party)
			}
			if strings.Contains(tt.body, "dueBefore") {
				if want := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC); inst.DueBefore == nil || !inst.DueBefore.Equal(want) {
					t.Errorf("%s: dueBefore %v, want %v", tt.body, inst.DueBefore, want)
				}
				continue
			}
			if strings.HasSuffix(tt.path, "/create") {
				var model struct {
					Form map[string]any `json:"form"`
				}
				e.do(t, tok, http.MethodGet, base+"/"+inst.ID+"/data/"+inst.Data[0].ID, nil).JSON(t, &model)
				if model.Form["year"] != 2024.0 {
					t.Errorf("prefill of a number: %v", model.Form)
				}
			}
		}
	})
}
