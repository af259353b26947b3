// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/internal/testenv/webtest"
)

// studioClient calls studio's API with HTTP Basic auth.
type studioClient struct{ base, user, password string }

func (s studioClient) do(t *testing.T, method, path string, body any, want int, out any, header ...string) []byte {
	t.Helper()
	var rd io.Reader = http.NoBody
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.base+"/studio/api/v1"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(s.user, s.password)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res := apitest.Send(t, req)
	b := res.Body
	if res.Status != want {
		t.Fatalf("%s %s as %s: %d, want %d: %s", method, path, s.user, res.Status, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return b
}

type envStatus struct {
	Environment    string
	RuntimeVersion string
	RuntimeError   string
	Last           *struct{ Version, DeployedBy string }
}

// TestStudioReleaseDeploy runs `blankett serve --dev` and goes from a new app to a
// running form: create an app from the template in studio, release v1, deploy it
// to test (studio calls the runtime's deploy API over HTTP with its dev client),
// then the runtime serves the app and a person creates an instance over the app
// API. A Devs member may release but not deploy (403, runtime unchanged), and a
// commit with lint errors cannot be released (422).
func TestStudioReleaseDeploy(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	signKey, seed := signingKeyFile(t, dir, "token-signing.key")
	data := filepath.Join(dir, "data")
	const devPW = "dev-e2e-password-4711"
	s := startServe(t, bin, data, "--dev", "--token-signing-key-file", signKey, "--studio-dev-password", devPW)
	s.waitReady(t, time.Now())
	base := "http://" + s.public
	dev := studioClient{base: base, user: "dev", password: devPW}

	var app struct{ Commit string }
	dev.do(t, http.MethodPost, "/orgs/ttd/apps", map[string]string{"name": "flyt"}, http.StatusCreated, &app)
	var rel struct{ Version, Commit, SHA256 string }
	dev.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/releases", map[string]string{"version": "v1"}, http.StatusCreated, &rel)
	if rel.Commit != app.Commit || len(rel.SHA256) != 64 {
		t.Fatalf("release %+v, app created at %s", rel, app.Commit)
	}
	dev.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/releases", map[string]string{"version": "v1"}, http.StatusConflict, nil)
	var d struct{ Status, Error string }
	dev.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/environments/test/deploys", map[string]string{"version": "v1"}, http.StatusCreated, &d)
	if d.Status != "succeeded" {
		t.Fatalf("deploy = %+v", d)
	}

	// The runtime serves the app, and Ola creates an instance for himself.
	res, err := http.Get(base + "/ttd/flyt/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /ttd/flyt/ = %d after the deploy\nlogs:\n%s", res.StatusCode, s.logs)
	}
	iss, err := issuerOf(context.Background(), base, authn.NewSigningKey(ed25519.NewKeyFromSeed(seed)))
	if err != nil {
		t.Fatal(err)
	}
	dsn := "sqlite:" + filepath.Join(data, "blankett.db")
	devLogin(t, base, olaPID) // the runtime knows a person from the first login
	userID, party := idOf(t, dsn, "users", "username", "pid:"+olaPID), idOf(t, dsn, "parties", "ssn", olaPID)
	tok, _, err := iss.Issue(authn.Claims{Subject: userID, UserID: userID, AuthLevel: 3, AuthMethod: "e2e",
		Scopes: []string{"altinn:instances.read", "altinn:instances.write"}, ClientID: "e2e-system"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ ID string }
	(&restClient{base: base + "/ttd/flyt", token: tok}).do(t, http.MethodPost, "/instances?instanceOwnerPartyId="+party, "", nil, http.StatusCreated, &in)
	if !strings.HasPrefix(in.ID, party+"/") {
		t.Fatalf("instance id %q", in.ID)
	}

	// Kari in Devs may release but not deploy: 403, and the runtime still runs v1.
	dev.do(t, http.MethodPost, "/users", map[string]any{"username": "kari", "fullName": "Kari", "password": devPW + "-kari"}, http.StatusCreated, nil)
	dev.do(t, http.MethodPut, "/orgs/ttd/teams/Devs/members/kari", nil, http.StatusNoContent, nil)
	kari := studioClient{base: base, user: "kari", password: devPW + "-kari"}
	kari.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/releases", map[string]string{"version": "v2"}, http.StatusCreated, nil)
	body := kari.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/environments/test/deploys", map[string]string{"version": "v2"}, http.StatusForbidden, nil)
	if !strings.Contains(string(body), `"code":"forbidden"`) {
		t.Fatalf("refused deploy: %s", body)
	}
	// In serve --dev both environments are this server's runtime, so production
	// reports v1 as current too, but studio never deployed there.
	var st struct{ Environments []envStatus }
	dev.do(t, http.MethodGet, "/orgs/ttd/apps/flyt/environments", nil, http.StatusOK, &st)
	if len(st.Environments) != 2 || st.Environments[0].RuntimeVersion != "v1" || st.Environments[0].Last == nil ||
		st.Environments[0].Last.DeployedBy != "dev" || st.Environments[1].Last != nil {
		t.Fatalf("environments after the refused deploy: %+v", st.Environments)
	}

	// A commit with a binding to a missing field: lint errors refuse the release.
	layout := `{"data":{"layout":[{"id":"navn","type":"Input","textResourceBindings":{"title":"navn.ledetekst"},` +
		`"dataModelBindings":{"simpleBinding":"finnesIkke"}}]}}`
	req, _ := http.NewRequest(http.MethodPut, base+"/studio/api/v1/orgs/ttd/apps/flyt/layouts/form/side1", strings.NewReader(layout))
	req.SetBasicAuth("dev", devPW)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", `"`+app.Commit+`"`)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusOK && res.StatusCode != http.StatusCreated {
		t.Fatalf("save broken layout: %v %v", res.Status, err)
	}
	body = dev.do(t, http.MethodPost, "/orgs/ttd/apps/flyt/releases", map[string]string{"version": "v3", "ref": "users/dev"}, http.StatusUnprocessableEntity, nil)
	if !strings.Contains(string(body), `"code":"lint_errors"`) || !strings.Contains(string(body), "side1.json") {
		t.Fatalf("release with lint errors: %s", body)
	}
	if err := s.stop(t); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.logs.String(), devPW) {
		t.Fatal("the logs hold the dev password")
	}
}

// devLogin logs pid in at the runtime's dev IdP over plain HTTP.
func devLogin(t *testing.T, base, pid string) {
	t.Helper()
	if r := webtest.DevLogin(t, webtest.Client(t), base+"/login?returnTo=/", pid); r.Status != http.StatusOK {
		t.Fatalf("dev login: %d at %s", r.Status, r.URL)
	}
}
