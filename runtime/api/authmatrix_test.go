// SPDX-License-Identifier: MIT

package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/internal/store"
)

// publicRoutes are the routes that need no authorisation because they carry no
// instance data: app resources every form page loads (Altinn serves them
// anonymously too), the token endpoints (grant and exchange) and their key documents, the API
// document, stylesheets, the login flow and the dev IdP. The forms UI's start
// pages only render a form or redirect to login; the party picker shows the
// caller's own parties.
var publicRoutes = map[string]bool{
	"GET /": true, "HEAD /": true, "GET /api/openapi.yaml": true,
	"GET /:org/:app/api/v1/applicationmetadata": true, "GET /:org/:app/api/v1/applicationsettings": true,
	"GET /:org/:app/api/v1/texts/:language": true, "GET /:org/:app/api/options/:optionsId": true,
	"GET /:org/:app/api/datalists/:id":                                        true,
	"GET /authentication/api/v1/openid/.well-known/jwks":                      true,
	"GET /authentication/api/v1/openid/.well-known/openid-configuration":      true,
	"GET /authentication/api/v1/openid/.well-known/openid-configuration/jwks": true,
	"POST /authentication/api/v1/token":                                       true,
	"GET /authentication/api/v1/exchange/id-porten":                           true,
	"GET /assets/designsystemet/*file":                                        true, "HEAD /assets/designsystemet/*file": true,
	"GET /login": true, "GET /login/callback": true, "POST /logout": true,
	"GET /devidp/*rest": true, "POST /devidp/*rest": true,
	"GET /parties": true, "POST /parties": true, "GET /:org/:app/": true,
}

// matrixCaller is one identity of the matrix; auth decorates a request with it.
type matrixCaller struct {
	name string
	auth func(r *http.Request)
	// wrongParty makes the path name another organisation as instance owner.
	wrongParty bool
	// deploy limits the caller to deploy routes (true) or to the others (false);
	// nil is every route. A ttd client is the right caller where it has the scope.
	deploy *bool
}

// TestAuthMatrix calls every instance, data, process and deploy route of the
// started runtime as callers who must be refused, and once as the caller who
// may, on an instance of an organisation whose DAGL created it. It runs on both
// engines, so that every refusal and allowed row also holds where a browser's
// instance request reads its instance with its session (store.GetSessionWith,
// PostgreSQL only); TestSessionReadsInstanceAhead checks that the read-ahead copy
// is what the handler gets.
func TestAuthMatrix(t *testing.T) {
	corpus, ok := testcorpus.Dir()
	if !ok {
		t.Skip("testcorpus not found: the matrix needs the signing-test app")
	}
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		authMatrix(t, newServerOn(t, db, filepath.Join(corpus, "apps", "signing-test")))
	})
}

func authMatrix(t *testing.T, srv *server) {
	ctx := context.Background()
	dagl, orgParty := login(t, srv.st)
	session := func(name, role string) *http.Cookie {
		ssn := fmt.Sprintf("0%d017012345", len(name)%9+1)
		p, err := srv.st.CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &ssn, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		u, err := srv.st.CreateUser(ctx, store.User{Username: name, PartyID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		if role != "" {
			if err := srv.st.GrantRole(ctx, u.ID, orgParty, role); err != nil {
				t.Fatal(err)
			}
		}
		tok, _, err := srv.st.CreateSession(ctx, store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 3, Idle: time.Hour, Absolute: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		return &http.Cookie{Name: authn.InsecureSessionCookieName, Value: tok}
	}
	otherNo := "310000002"
	other, err := srv.st.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &otherNo, Name: "Annen AS"})
	if err != nil {
		t.Fatal(err)
	}
	cookie := func(c *http.Cookie) func(*http.Request) { return func(r *http.Request) { r.AddCookie(c) } }
	bearer := func(tok string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok) }
	}
	so := []string{"altinn:serviceowner/instances.read", "altinn:serviceowner/instances.write"}
	callers := []matrixCaller{
		{name: "no token", auth: func(*http.Request) {}},
		{name: "another citizen", auth: cookie(session("kari", ""))},
		{name: "right citizen, wrong party", auth: cookie(dagl), wrongParty: true},
		{name: "member without the role", auth: cookie(session("per", "UTINN"))},
		{name: "service owner of another org", auth: bearer(clientToken(t, srv, "acme-so", "acme", append(so, client.ScopeDeploy)...))},
		{name: "client with the wrong scope", auth: bearer(clientToken(t, srv, "ttd-deploy", "ttd", client.ScopeDeploy)), deploy: new(false)},
		{name: "deploy client with instance scopes only", auth: bearer(clientToken(t, srv, "ttd-so", "ttd", so...)), deploy: new(true)},
	}

	// The victim: an instance of the organisation, created by its DAGL.
	req := httptest.NewRequest(http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+strconv.FormatInt(orgParty, 10), nil)
	req.AddCookie(dagl)
	ex := srv.do(req)
	var inst struct {
		ID   string `json:"id"`
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(ex.Body, &inst); ex.Status != http.StatusCreated || err != nil || len(inst.Data) == 0 {
		t.Fatalf("instantiate: %d %s", ex.Status, ex.Body)
	}
	guid, dataID := inst.ID[strings.Index(inst.ID, "/")+1:], inst.Data[0].ID
	// The organisation's webhook subscription, which no other caller may see or change.
	victimHook := "https://ttd-hooks.example/in?code=victim-query-secret"
	sub, err := srv.st.CreateSubscription(ctx, store.Subscription{Org: "ttd", EndPoint: victimHook, FilterOrg: "ttd", FilterApp: "signing-test",
		SourceFilter: srv.URL + "/ttd/signing-test", Secret: "victim-signing-secret", Validated: true, CreatedBy: "ttd-so"})
	if err != nil {
		t.Fatal(err)
	}
	subID := strconv.FormatInt(sub.ID, 10)

	fill := func(path string, party int64) string {
		if path == "/storage/api/v1/instances/:partyId" { // the GUID-only form names its one segment so
			return "/storage/api/v1/instances/" + guid
		}
		return strings.NewReplacer(":org", "ttd", ":app", "signing-test", ":partyId", strconv.FormatInt(party, 10),
			":party", strconv.FormatInt(party, 10), ":guid", guid, ":dataGuid", dataID, ":data", dataID,
			":version", "v1", ":page", "1", ":id", subID, ":messageId", "1").Replace(path)
	}
	state := func() string {
		row, err := srv.st.GetInstance(ctx, orgParty, guid)
		if err != nil {
			t.Fatal(err)
		}
		els, err := srv.st.ListDataElements(ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		subs, err := srv.st.ListSubscriptions(ctx, "ttd")
		if err != nil {
			t.Fatal(err)
		}
		acme, err := srv.st.ListSubscriptions(ctx, "acme")
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("v%d %s %d subscriptions %+v %d", row.Version, row.Document, len(els), subs, len(acme))
	}

	n := 0
	for _, r := range srv.Engine.Routes() {
		key := r.Method + " " + r.Path
		if publicRoutes[key] {
			continue
		}
		ui := strings.HasPrefix(r.Path, "/:org/:app/instance/") || r.Path == "/:org/:app/new"
		if !ui && !strings.HasPrefix(r.Path, "/:org/:app/instances") && !strings.HasPrefix(r.Path, "/storage/api/v1/instances") &&
			!strings.HasPrefix(r.Path, "/runtime/api/v1/apps") && !strings.HasPrefix(r.Path, "/events/api/v1/") {
			t.Errorf("route %s is neither in the matrix nor in publicRoutes", key)
			continue
		}
		n++
		deployRoute := strings.HasPrefix(r.Path, "/runtime/api/v1/apps")
		for _, c := range callers {
			if c.deploy != nil && *c.deploy != deployRoute {
				continue
			}
			if r.Path == "/runtime/api/v1/apps" && c.name == "service owner of another org" {
				// This list is always the caller's own org's releases (the path names no
				// org), so another org's owner rightly gets 200 with its own, empty list.
				continue
			}
			t.Run(key+"/"+c.name, func(t *testing.T) {
				party := orgParty
				if c.wrongParty {
					party = other.ID
				}
				path := fill(r.Path, party)
				if strings.HasSuffix(r.Path, "/instances") || strings.HasSuffix(r.Path, "/create") || r.Path == "/:org/:app/new" {
					path += sep(path) + "instanceOwnerPartyId=" + strconv.FormatInt(party, 10)
				}
				if r.Path == "/storage/api/v1/instances" || r.Path == "/runtime/api/v1/apps" || r.Path == "/runtime/api/v1/apps/:org/:app/releases" {
					path += sep(path) + "org=ttd"
				}
				body := "{}"
				switch r.Path {
				case "/:org/:app/instances/create":
					body = `{"instanceOwner":{"partyId":"` + strconv.FormatInt(party, 10) + `"}}`
				case "/:org/:app/instances/:party/:guid/data":
					if r.Method == http.MethodPost {
						// Not ref-data-as-pdf: that is read-only for everyone, so its 403 would
						// not show the authorisation working. An allowed caller would get 409
						// (the form type's maxCount), which the matrix counts as a failure.
						path += "?dataType=data"
					}
				case "/events/api/v1/subscriptions":
					// A subscription to the organisation's app, to an endpoint of the caller's.
					body = `{"endPoint":"https://elsewhere.example/hook","sourceFilter":"` + srv.URL + `/ttd/signing-test"}`
				case "/events/api/v1/app/:org/:app":
					path += "?from=2000-01-01T00:00:00Z"
				}
				before := state()
				req := httptest.NewRequest(r.Method, path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				c.auth(req)
				ex := srv.do(req)
				if key == "GET /events/api/v1/subscriptions" && c.name == "service owner of another org" {
					// The list is always the caller's own org's (the path names no org): another
					// org's owner gets its own, empty list, and nothing of the organisation's.
					if ex.Status != http.StatusOK || strings.TrimSpace(string(ex.Body)) != "[]" {
						t.Errorf("status %d, want 200 with an empty list: %.300s", ex.Status, ex.Body)
					}
					return
				}
				refused := ex.Status == 401 || ex.Status == 403 || ex.Status == 404 || (ui && ex.Status/100 == 3)
				if !refused {
					t.Errorf("status %d, want 401, 403 or 404: %.300s", ex.Status, ex.Body)
				}
				if !ui && !strings.HasPrefix(ex.Header.Get("Content-Type"), "application/problem+json") {
					t.Errorf("Content-Type %q, want problem+json", ex.Header.Get("Content-Type"))
				}
				body = withoutEcho(ex.Body)
				// A page or redirect may repeat the caller's own path (returnTo, form
				// actions); only what the caller did not send counts as a leak.
				p := strings.SplitN(path, "?", 2)[0]
				body = strings.NewReplacer(p, "", url.QueryEscape(p), "").Replace(body)
				for _, leak := range []string{guid, dataID, `"partyId":"` + strconv.FormatInt(orgParty, 10) + `"`,
					"ttd-hooks.example", "victim-query-secret", "victim-signing-secret"} {
					if strings.Contains(body, leak) {
						t.Errorf("body leaks %s: %.300s", leak, ex.Body)
					}
				}
				if after := state(); after != before {
					t.Errorf("instance changed:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
	}
	if n < 25 {
		t.Fatalf("only %d matrix routes: did the role start?", n)
	}

	// The rows that must succeed, so that the refusals above mean something.
	for _, p := range []struct {
		name, method, path string
		auth               func(*http.Request)
	}{
		{"DAGL reads the instance", http.MethodGet, "/ttd/signing-test/instances/:party/:guid", cookie(dagl)},
		{"DAGL reads the form data", http.MethodGet, "/ttd/signing-test/instances/:party/:guid/data/:data", cookie(dagl)},
		{"DAGL reads the process", http.MethodGet, "/ttd/signing-test/instances/:party/:guid/process", cookie(dagl)},
		{"DAGL opens the form", http.MethodGet, "/ttd/signing-test/instance/:party/:guid", cookie(dagl)},
		{"ttd pulls the instance", http.MethodGet, "/storage/api/v1/instances/:partyId/:guid", bearer(clientToken(t, srv, "ttd-so2", "ttd", so...))},
		{"ttd lists its releases", http.MethodGet, "/runtime/api/v1/apps", bearer(clientToken(t, srv, "ttd-ci", "ttd", client.ScopeDeploy))},
		{"ttd reads its subscription", http.MethodGet, "/events/api/v1/subscriptions/:id", bearer(clientToken(t, srv, "ttd-events", "ttd", "altinn:events.subscribe"))},
		{"ttd pulls its events", http.MethodGet, "/events/api/v1/app/:org/:app?from=2000-01-01T00:00:00Z", bearer(clientToken(t, srv, "ttd-so3", "ttd", so...))},
	} {
		t.Run("allowed/"+p.name, func(t *testing.T) {
			req := httptest.NewRequest(p.method, fill(p.path, orgParty), nil)
			p.auth(req)
			if ex := srv.do(req); ex.Status != http.StatusOK {
				t.Errorf("status %d, want 200: %.300s", ex.Status, ex.Body)
			}
		})
	}
}

// withoutEcho drops a problem's "instance" member: it repeats the caller's own
// request path, which names the ids the caller sent, not data it may not see.
func withoutEcho(body []byte) string {
	var p map[string]any
	if json.Unmarshal(body, &p) != nil {
		return string(body)
	}
	if _, ok := p["status"]; ok {
		delete(p, "instance")
	}
	out, _ := json.Marshal(p)
	return string(out)
}

// sep is the separator that appends one more query parameter to path.
func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}
