// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// TestGUIDCase sends the instance and data routes the instance's and the form's
// GUIDs in lower case, in upper case and without hyphens, as Altinn's routes and
// the storage API take them: each answers alike (reads the same body). A path
// value that is no GUID is answered as before.
func TestGUIDCase(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		base := "/ttd/signing-test/instances/" + party + "/"
		r := e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+party, nil)
		var inst instances.Instance
		r.JSON(t, &inst)
		guid, form := strings.TrimPrefix(inst.ID, party+"/"), inst.Data[0].ID
		if r := e.do(t, tok, http.MethodPut, base+guid+"/data/"+form, []byte(validXML), "Content-Type", "application/xml"); r.Status != http.StatusCreated {
			t.Fatalf("fill: %d %s", r.Status, r.Body)
		}
		forms := []struct{ name, guid, form string }{
			{"lower case", guid, form},
			{"upper case", strings.ToUpper(guid), strings.ToUpper(form)},
			{"upper case without hyphens", strings.ToUpper(strings.ReplaceAll(guid, "-", "")), strings.ToUpper(strings.ReplaceAll(form, "-", ""))},
		}
		xml := []string{"Content-Type", "application/xml"}
		tests := []struct {
			name, method string
			path         func(guid, form string) string
			body         string
			header       []string
			status       int
			code         string
		}{
			{"read the instance", http.MethodGet, func(g, _ string) string { return base + g }, "", nil, http.StatusOK, ""},
			{"read the form", http.MethodGet, func(g, f string) string { return base + g + "/data/" + f }, "", nil, http.StatusOK, ""},
			{"read the form's tags", http.MethodGet, func(g, f string) string { return base + g + "/data/" + f + "/tags" }, "", nil, http.StatusOK, ""},
			{"read the process", http.MethodGet, func(g, _ string) string { return base + g + "/process" }, "", nil, http.StatusOK, ""},
			{"validate", http.MethodGet, func(g, _ string) string { return base + g + "/validate" }, "", nil, http.StatusOK, ""},
			{"replace the form", http.MethodPut, func(g, f string) string { return base + g + "/data/" + f }, validXML, xml, http.StatusCreated, ""},
			{"patch the form", http.MethodPatch, func(g, f string) string { return base + g + "/data/" + f },
				`{"patch":[{"op":"replace","path":"/form/name","value":"Test AS"}]}`, []string{"Content-Type", "application/json"}, http.StatusOK, ""},
			{"patch the form named in the body", http.MethodPatch, func(g, _ string) string { return base + g + "/data" },
				`{"patches":[{"dataElementId":"%s","patch":[{"op":"replace","path":"/form/name","value":"Test AS"}]}]}`,
				[]string{"Content-Type", "application/json"}, http.StatusOK, ""},
			{"tag the form", http.MethodPost, func(g, f string) string { return base + g + "/data/" + f + "/tags" }, `"kvittering"`,
				[]string{"Content-Type", "application/json"}, http.StatusCreated, ""},
			{"no GUID as the instance", http.MethodGet, func(string, string) string { return base + "not-a-guid" }, "", nil,
				http.StatusNotFound, instances.CodeInstanceNotFound},
			{"a GUID with a letter that is no hex digit", http.MethodGet, func(g, _ string) string { return base + "g" + g[1:] }, "", nil,
				http.StatusNotFound, instances.CodeInstanceNotFound},
			{"no GUID as the data element", http.MethodGet, func(g, _ string) string { return base + g + "/data/not-a-guid" }, "", nil,
				http.StatusNotFound, instances.CodeDataNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var first []byte
				for i, f := range forms {
					var body []byte
					if tt.body != "" {
						body = []byte(strings.Replace(tt.body, "%s", f.form, 1))
					}
					r := e.do(t, tok, tt.method, tt.path(f.guid, f.form), body, tt.header...)
					if r.Status != tt.status || r.ProblemCode() != tt.code {
						t.Fatalf("%s: got %d %q, want %d %q: %s", f.name, r.Status, r.ProblemCode(), tt.status, tt.code, r.Body)
					}
					if tt.method != http.MethodGet || tt.code != "" {
						continue
					}
					if i == 0 {
						first = r.Body
					} else if !bytes.Equal(r.Body, first) {
						t.Errorf("%s reads otherwise:\n%s\nwant\n%s", f.name, r.Body, first)
					}
				}
			})
		}
	})
}

// TestAuthAnswers checks the refusals of who the caller is: no credentials is 401
// unauthenticated with a Bearer challenge, a token without the scope the action
// needs is 403 insufficient_scope with the challenge's error, as the storage API
// answers both, and a caller with the scope whom the policy refuses keeps 403
// forbidden without a challenge. Nothing is stored.
func TestAuthAnswers(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		party := strconv.FormatInt(e.orgParty, 10)
		base := "/ttd/signing-test/instances"
		r := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil)
		var inst instances.Instance
		r.JSON(t, &inst)
		ip, form := base+"/"+inst.ID, inst.Data[0].ID
		readOnly := e.tokenWith(t, e.dagl, authz.ScopeInstancesRead)
		orgReadOnly := e.orgTokenWith(t, authz.ScopeServiceOwnerInstancesRead)
		const (
			challenge = `Bearer realm="blankett"`
			scope     = `Bearer realm="blankett", error="insufficient_scope"`
		)
		tests := []struct {
			name, token, method, path, body string
			status                          int
			code, challenge                 string
		}{
			{"no credentials, read", "", http.MethodGet, ip, "", http.StatusUnauthorized, "unauthenticated", challenge},
			{"no credentials, instantiate", "", http.MethodPost, base + "?instanceOwnerPartyId=" + party, "", http.StatusUnauthorized, "unauthenticated", challenge},
			{"service owner without the write scope, complete", orgReadOnly, http.MethodPost, ip + "/complete", "",
				http.StatusForbidden, "insufficient_scope", scope},
			{"user without the write scope, replace data", readOnly, http.MethodPut, ip + "/data/" + form, validXML,
				http.StatusForbidden, "insufficient_scope", scope},
			{"user without the write scope, process next", readOnly, http.MethodPut, ip + "/process/next", "",
				http.StatusForbidden, "insufficient_scope", scope},
			{"user without scopes, read", e.tokenWith(t, e.dagl), http.MethodGet, ip, "", http.StatusForbidden, "insufficient_scope", scope},
			{"user without scopes, instantiate", e.tokenWith(t, e.dagl), http.MethodPost, base + "?instanceOwnerPartyId=" + party, "",
				http.StatusForbidden, "insufficient_scope", scope},
			{"policy refuses another citizen, read", e.token(t, e.citizen), http.MethodGet, ip, "", http.StatusForbidden, "forbidden", ""},
			{"policy refuses another citizen, instantiate", e.token(t, e.citizen), http.MethodPost, base + "?instanceOwnerPartyId=" + party, "",
				http.StatusForbidden, "forbidden", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var body []byte
				if tt.body != "" {
					body = []byte(tt.body)
				}
				before := e.counts(t)
				r := e.do(t, tt.token, tt.method, tt.path, body, "Content-Type", "application/xml")
				if r.Status != tt.status || r.ProblemCode() != tt.code {
					t.Errorf("got %d %q, want %d %q: %s", r.Status, r.ProblemCode(), tt.status, tt.code, r.Body)
				}
				if got := r.Header.Get("WWW-Authenticate"); got != tt.challenge {
					t.Errorf("WWW-Authenticate %q, want %q", got, tt.challenge)
				}
				if after := e.counts(t); after != before {
					t.Errorf("stored something: %+v → %+v", before, after)
				}
			})
		}
	})
}
