// SPDX-License-Identifier: MIT

package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/getkin/kin-openapi/openapi3filter"
)

func init() {
	// Media types the runtime sends that kin-openapi has no decoder for by default.
	openapi3filter.RegisterBodyDecoder("application/jwk-set+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
}

// TestValidatorRejects makes sure the checks can fail against this document:
// responses that break it are caught.
func TestValidatorRejects(t *testing.T) {
	v := openapitest.NewValidator(t, loadSpec(t))
	problem := http.Header{"Content-Type": {"application/problem+json"}}
	jsonType := http.Header{"Content-Type": {"application/json"}}
	tests := []struct {
		name   string
		method string
		path   string
		status int
		header http.Header
		body   string
	}{
		{"problem without code", http.MethodGet, "/storage/api/v1/instances?org=ttd", 401, problem, `{"title":"Unauthorized","status":401}`},
		{"undocumented status", http.MethodGet, "/storage/api/v1/instances?org=ttd", 418, problem, `{"title":"x","status":418,"code":"x"}`},
		{"query result without next", http.MethodGet, "/storage/api/v1/instances?org=ttd", 200, jsonType, `{"count":0,"self":"x","instances":[]}`},
		{"instance without id", http.MethodGet, "/ttd/app/instances/1/g", 200, jsonType, `{"appId":"ttd/app","org":"ttd","instanceOwner":{"partyId":"1"},"created":"2024-01-01T00:00:00Z","lastChanged":"2024-01-01T00:00:00Z"}`},
		{"issue with a word for severity", http.MethodGet, "/ttd/app/instances/1/g/validate", 200, jsonType, `[{"severity":"error","code":"c","description":"d","source":"s"}]`},
		{"no such path", http.MethodGet, "/a/b/c/d/e/f/g/h", 200, jsonType, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := openapitest.Exchange{Req: httptest.NewRequest(tt.method, tt.path, nil), Status: tt.status, Header: tt.header, Body: []byte(tt.body)}
			if err := v.Validate(ex, false); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

// flow is the state the steps of TestExchangesMatchSpec share.
type flow struct {
	cookie   *http.Cookie
	party    int64
	instance string // partyId/guid
	data     string // the form data element's id
}

// step is one request of the scenario and what the runtime must answer.
type step struct {
	name        string
	req         func(f *flow) *http.Request
	status      int
	code        string // the problem's code, for problem answers
	skipRequest bool
	needsApp    bool
	after       func(t *testing.T, f *flow, body []byte)
}

// TestExchangesMatchSpec drives real requests through the started runtime, one
// scenario per API group, and validates every request and response against the
// document with openapi3filter. The app steps run on the corpus app signing-test,
// loaded as --app loads it, with a person logged in by session cookie.
func TestExchangesMatchSpec(t *testing.T) {
	doc := loadSpec(t)
	v := openapitest.NewValidator(t, doc)
	var apps []string
	corpus, haveCorpus := testcorpus.Dir()
	if haveCorpus {
		apps = append(apps, corpus+"/apps/signing-test")
	}
	srv := newServer(t, apps...)
	f := &flow{}
	f.cookie, f.party = login(t, srv.st)

	get := func(path string) func(*flow) *http.Request {
		return func(*flow) *http.Request { return httptest.NewRequest(http.MethodGet, path, nil) }
	}
	withSession := func(method string, path func(f *flow) string, body io.Reader, header ...string) func(*flow) *http.Request {
		return func(f *flow) *http.Request {
			r := httptest.NewRequest(method, path(f), body)
			r.AddCookie(f.cookie)
			for i := 0; i+1 < len(header); i += 2 {
				r.Header.Set(header[i], header[i+1])
			}
			return r
		}
	}
	inst := func(suffix string) func(f *flow) string {
		return func(f *flow) string { return "/ttd/signing-test/instances/" + f.instance + suffix }
	}
	steps := []step{
		// meta
		{name: "start page", req: get("/"), status: http.StatusOK},
		{name: "openapi document", req: get("/api/openapi.yaml"), status: http.StatusOK},
		// authentication
		{name: "jwks", req: get("/authentication/api/v1/openid/.well-known/openid-configuration/jwks"), status: http.StatusOK},
		{name: "jwks short path", req: get("/authentication/api/v1/openid/.well-known/jwks"), status: http.StatusOK},
		{name: "openid configuration", req: get("/authentication/api/v1/openid/.well-known/openid-configuration"), status: http.StatusOK},
		{name: "token with a junk assertion", status: http.StatusBadRequest, req: func(*flow) *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/authentication/api/v1/token",
				strings.NewReader("grant_type="+authn.GrantTypeJWTBearer+"&assertion=not.a.jwt"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}},
		// login
		{name: "login redirects to the dev IdP", req: get("/login?returnTo=/"), status: http.StatusSeeOther},
		{name: "parties page without a session", req: get("/parties"), status: http.StatusSeeOther},
		{name: "parties page", req: withSession(http.MethodGet, func(*flow) string { return "/parties" }, nil), status: http.StatusOK},
		{name: "choose a party without a session", status: http.StatusUnauthorized, code: "unauthenticated", req: func(*flow) *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/parties", strings.NewReader("party=1"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}},
		// storage (pull) API
		{name: "pull query without a token", req: get("/storage/api/v1/instances?org=ttd"), status: http.StatusUnauthorized, code: "unauthenticated"},
		{name: "pull query with a bad token", status: http.StatusUnauthorized, code: "invalid_token", req: func(*flow) *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/storage/api/v1/instances?org=ttd", nil)
			r.Header.Set("Authorization", "Bearer not.a.jwt")
			return r
		}},
		{name: "pull instance without a token", req: get("/storage/api/v1/instances/1/8b9a0f5e-8f0b-4c57-9d1c-3a0f6f3f3c11"), status: http.StatusUnauthorized, code: "unauthenticated"},
		// app API
		{name: "metadata of an app not deployed", req: get("/ttd/no-such-app/api/v1/applicationmetadata"), status: http.StatusNotFound, code: "app_not_found"},
		{name: "instantiate anonymously", req: func(*flow) *http.Request {
			return httptest.NewRequest(http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId=1", nil)
		}, status: http.StatusUnauthorized, code: "unauthenticated", needsApp: true},
		{name: "metadata", req: get("/ttd/signing-test/api/v1/applicationmetadata"), status: http.StatusOK, needsApp: true},
		{name: "instantiate", status: http.StatusCreated, needsApp: true,
			req: withSession(http.MethodPost, func(f *flow) string {
				return "/ttd/signing-test/instances?instanceOwnerPartyId=" + strconv.FormatInt(f.party, 10)
			}, nil),
			after: func(t *testing.T, f *flow, body []byte) {
				var in struct {
					ID   string `json:"id"`
					Data []struct {
						ID, DataType string
					} `json:"data"`
				}
				if err := json.Unmarshal(body, &in); err != nil || in.ID == "" {
					t.Fatalf("instance %s: %v", body, err)
				}
				f.instance = in.ID
				for _, d := range in.Data {
					if d.DataType == "data" {
						f.data = d.ID
					}
				}
			}},
		{name: "get instance", req: withSession(http.MethodGet, inst(""), nil), status: http.StatusOK, needsApp: true},
		{name: "get process", req: withSession(http.MethodGet, inst("/process"), nil), status: http.StatusOK, needsApp: true},
		{name: "validate", req: withSession(http.MethodGet, inst("/validate?language=nb"), nil), status: http.StatusOK, needsApp: true},
		{name: "read form data as JSON", req: withSession(http.MethodGet, func(f *flow) string { return inst("/data/")(f) + f.data }, nil),
			status: http.StatusOK, needsApp: true},
		{name: "create data of an unknown type", req: withSession(http.MethodPost, inst("/data/nope"), strings.NewReader("{}"),
			"Content-Type", "application/json"), status: http.StatusBadRequest, code: "data_type_unknown", needsApp: true},
		{name: "delete a data element that does not exist", req: withSession(http.MethodDelete,
			inst("/data/8b9a0f5e-8f0b-4c57-9d1c-3a0f6f3f3c11"), nil), status: http.StatusNotFound, code: "data_element_not_found", needsApp: true},
		// app API: instance operations of issue 5
		{name: "active instances", req: withSession(http.MethodGet, func(f *flow) string {
			return "/ttd/signing-test/instances/" + strconv.FormatInt(f.party, 10) + "/active"
		}, nil), status: http.StatusOK, needsApp: true},
		{name: "texts", req: get("/ttd/signing-test/api/v1/texts/nb"), status: http.StatusOK, needsApp: true},
		{name: "options", req: get("/ttd/signing-test/api/options/revenue-sources?language=nb"), status: http.StatusOK, needsApp: true},
		{name: "unknown options", req: get("/ttd/signing-test/api/options/nope"), status: http.StatusNotFound, code: "options_not_found", needsApp: true},
		{name: "application settings", req: get("/ttd/signing-test/api/v1/applicationsettings"), status: http.StatusOK, needsApp: true},
		{name: "patch form data", status: http.StatusOK, needsApp: true, req: func(f *flow) *http.Request {
			body := `{"patches":[{"dataElementId":"` + f.data + `","patch":[{"op":"add","path":"/form","value":{"name":"Test AS"}}]}],"ignoredValidators":[]}`
			return withSession(http.MethodPatch, inst("/data"), strings.NewReader(body), "Content-Type", "application/json")(f)
		}},
		{name: "patch with a stale test op", status: http.StatusConflict, code: "patch_test_failed", needsApp: true, req: func(f *flow) *http.Request {
			body := `{"patches":[{"dataElementId":"` + f.data + `","patch":[{"op":"test","path":"/form/name","value":"Other AS"}]}]}`
			return withSession(http.MethodPatch, inst("/data"), strings.NewReader(body), "Content-Type", "application/json")(f)
		}},
		{name: "patch with a path that does not exist", status: http.StatusUnprocessableEntity, code: "patch_invalid", needsApp: true, req: func(f *flow) *http.Request {
			body := `{"patch":[{"op":"replace","path":"/nope/deeper","value":1}]}`
			return withSession(http.MethodPatch, func(f *flow) string { return inst("/data/")(f) + f.data }, strings.NewReader(body), "Content-Type", "application/json")(f)
		}},
		{name: "patch one element", status: http.StatusOK, needsApp: true, req: func(f *flow) *http.Request {
			body := `{"patch":[{"op":"replace","path":"/form/name","value":"Patched AS"}],"ignoredValidators":["Required"]}`
			return withSession(http.MethodPatch, func(f *flow) string { return inst("/data/")(f) + f.data }, strings.NewReader(body), "Content-Type", "application/json")(f)
		}},
		{name: "process start when started", req: withSession(http.MethodPost, inst("/process/start"), nil), status: http.StatusConflict,
			code: "process_already_started", needsApp: true},
		{name: "complete process with an invalid task", req: withSession(http.MethodPut, inst("/process/completeProcess"), nil),
			status: http.StatusConflict, code: "validation_failed", needsApp: true},
		{name: "process history", req: withSession(http.MethodGet, inst("/process/history"), nil), status: http.StatusOK, needsApp: true},
		{name: "substatus by a user", req: withSession(http.MethodPut, inst("/substatus"), strings.NewReader(`{"label":"x"}`),
			"Content-Type", "application/json"), status: http.StatusForbidden, code: "not_instance_org", needsApp: true},
		{name: "complete by a user", req: withSession(http.MethodPost, inst("/complete"), nil), status: http.StatusForbidden, code: "forbidden", needsApp: true},
		{name: "soft delete", req: withSession(http.MethodDelete, inst(""), nil), status: http.StatusOK, needsApp: true},
		{name: "hard delete", req: withSession(http.MethodDelete, inst("?hard=true"), nil), status: http.StatusOK, needsApp: true},
		{name: "instantiate with multipart", status: http.StatusCreated, needsApp: true, req: func(f *flow) *http.Request {
			var buf bytes.Buffer
			w := multipart.NewWriter(&buf)
			h := textproto.MIMEHeader{"Content-Disposition": {`form-data; name="instance"`}, "Content-Type": {"application/json"}}
			pw, _ := w.CreatePart(h)
			fmt.Fprintf(pw, `{"instanceOwner":{"partyId":"%d"}}`, f.party)
			h = textproto.MIMEHeader{"Content-Disposition": {`form-data; name="data"`}, "Content-Type": {"application/json"}}
			pw, _ = w.CreatePart(h)
			fmt.Fprint(pw, `{"form":{"name":"Multipart AS"}}`)
			_ = w.Close()
			return withSession(http.MethodPost, func(*flow) string { return "/ttd/signing-test/instances" }, &buf,
				"Content-Type", w.FormDataContentType())(f)
		}},
		{name: "instantiate with a bad multipart part", status: http.StatusBadRequest, code: "data_type_unknown", needsApp: true, req: func(f *flow) *http.Request {
			var buf bytes.Buffer
			w := multipart.NewWriter(&buf)
			pw, _ := w.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="nope"`}, "Content-Type": {"application/json"}})
			fmt.Fprint(pw, `{}`)
			_ = w.Close()
			return withSession(http.MethodPost, func(f *flow) string {
				return "/ttd/signing-test/instances?instanceOwnerPartyId=" + strconv.FormatInt(f.party, 10)
			}, &buf, "Content-Type", w.FormDataContentType())(f)
		}},
		{name: "instantiate with prefill", status: http.StatusCreated, needsApp: true, req: func(f *flow) *http.Request {
			body := fmt.Sprintf(`{"instanceOwner":{"partyId":"%d"},"prefill":{"form.name":"Prefilled AS"},"dueBefore":"2030-01-01T00:00:00Z"}`, f.party)
			return withSession(http.MethodPost, func(*flow) string { return "/ttd/signing-test/instances/create" }, strings.NewReader(body),
				"Content-Type", "application/json")(f)
		}},
		{name: "instantiate with an unknown prefill field", status: http.StatusBadRequest, code: "prefill_invalid", needsApp: true, req: func(f *flow) *http.Request {
			body := fmt.Sprintf(`{"instanceOwner":{"partyId":"%d"},"prefill":{"form.nope":"x"}}`, f.party)
			return withSession(http.MethodPost, func(*flow) string { return "/ttd/signing-test/instances/create" }, strings.NewReader(body),
				"Content-Type", "application/json")(f)
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.needsApp && !haveCorpus {
				t.Skip("shared/corpus not found: no app to serve")
			}
			ex := srv.do(s.req(f))
			if ex.Status != s.status {
				t.Fatalf("status %d, want %d: %.600s", ex.Status, s.status, ex.Body)
			}
			if s.code != "" {
				var p struct{ Code string }
				if err := json.Unmarshal(ex.Body, &p); err != nil || p.Code != s.code {
					t.Errorf("problem code %q, want %q (%v)", p.Code, s.code, err)
				}
			}
			v.Check(t, ex, s.skipRequest)
			if s.after != nil {
				s.after(t, f, ex.Body)
			}
		})
	}
}

// login records a person who is DAGL of an organisation (signing-test lets only
// organisations own instances) and opens a session for them, as the login callback
// does. It returns the session cookie and the organisation's party.
func login(t *testing.T, st *store.Store) (*http.Cookie, int64) {
	t.Helper()
	ctx := context.Background()
	ssn := "01017012345"
	p, err := st.CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &ssn, Name: "Ola Nordmann"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, store.User{Username: "ola", PartyID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	orgNo := "310000001"
	org, err := st.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &orgNo, Name: "Test AS"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.GrantRole(ctx, u.ID, org.ID, "DAGL"); err != nil {
		t.Fatal(err)
	}
	token, _, err := st.CreateSession(ctx, store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 3,
		Idle: time.Hour, Absolute: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: authn.InsecureSessionCookieName, Value: token}, org.ID
}
