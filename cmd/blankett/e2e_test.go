// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"maps"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/internal/testenv/corpusapp"
	"github.com/blankett/blankett/runtime/client"
)

// The apps the end-to-end test deploys, both from the corpus: one an end-user
// system submits over REST, one a citizen fills in and submits in Chromium.
const (
	corpusApp  = "subform-test"
	citizenApp = "component-library"
)

// TestEndToEnd closes issue 5 as an operator and a service owner would meet it,
// with the real binary: `blankett serve --dev` on a fresh data dir; a machine
// client of ttd deploys two corpus apps over HTTP with `blankett deploy`; a
// citizen fills in and submits component-library in Chromium; an end-user
// system creates and submits an instance of subform-test over REST with XML;
// `blankett download --confirm` fetches both, checked against their SHA-256, and a
// second run fetches nothing.
func TestEndToEnd(t *testing.T) {
	if os.Getenv(browser.EnvChromium) == "" {
		t.Skip(browser.EnvChromium + " not set: the end-to-end test needs Chromium")
	}
	corpus := os.Getenv(testcorpus.EnvDir)
	if corpus == "" {
		t.Skip(testcorpus.EnvDir + " not set: the end-to-end test deploys a corpus app")
	}
	bin := binary(t)
	ctx := context.Background()
	dir := t.TempDir()
	signKey, seed := signingKeyFile(t, dir, "token-signing.key")
	data := filepath.Join(dir, "data")
	// The receipts are printed with the test's Chromium, so the download finds them.
	s := startServe(t, bin, data, "--dev", "--token-signing-key-file", signKey, "--pdf-chromium", os.Getenv(browser.EnvChromium))
	s.waitReady(t, time.Now())
	base := "http://" + s.public
	dsn := "sqlite:" + filepath.Join(data, "blankett.db")

	// The service owner's CI: a machine client of ttd allowed to deploy and pull.
	clientKey := registerClient(t, dsn, "ttd-ci", "ttd", "blankett:deploy altinn:serviceowner/instances.read altinn:serviceowner/instances.write")
	cli := newCLI(t, bin)
	cli.run(t, "login", "--url", base, "--client-id", "ttd-ci", "--key", clientKey,
		"--scope", "altinn:serviceowner/instances.read", "--scope", "altinn:serviceowner/instances.write")
	// Two corpus apps go out over HTTP: subform-test, and component-library for the
	// citizen, with the policy rule its second task lacks (see corpusapp.WithTaskWrite).
	for _, app := range []struct{ dir, id string }{
		{filepath.Join(corpus, "apps", corpusApp), "ttd/" + corpusApp},
		{corpusapp.WithTaskWrite(t, filepath.Join(corpus, "apps", citizenApp), "PreviousProcessSummary"), "ttd/" + citizenApp},
	} {
		if out := cli.run(t, "deploy", "--app", app.dir, "--version", "v1"); !strings.Contains(out, "Deployed "+app.id+" v1") {
			t.Fatalf("deploy %s: %s", app.id, out)
		}
	}
	if out := cli.run(t, "deploy", "--app", filepath.Join(corpus, "apps", corpusApp), "--version", "v1"); !strings.Contains(out, "deployed before with the same files") {
		t.Fatalf("repeated deploy: %s", out)
	}
	list := cli.run(t, "deploy", "list")
	for _, id := range []string{"ttd/" + corpusApp, "ttd/" + citizenApp} {
		if !strings.Contains(list, id) || strings.Count(list, "current") != 2 {
			t.Fatalf("deploy list lacks %s as current:\n%s", id, list)
		}
	}

	// A citizen, Ola from the dev seed, logs in at the dev IdP, acts for Fiktiv
	// Bakeri AS (the corpus policies let DAGL and REGNA fill in) and fills in and
	// submits component-library in Chromium through both its tasks.
	b := browser.New(t)
	b.Navigate(base + "/ttd/" + citizenApp + "/")
	b.Click(`input[name="user"][value="` + olaPID + `"]`)
	b.ClickNav(`button[type="submit"]`)
	b.Navigate(base + "/parties?returnTo=" + url.QueryEscape("/ttd/"+citizenApp+"/"))
	party := browser.Eval[string](b, `(Array.from(document.querySelectorAll("label[for^=party-]")).find(l => l.textContent.includes("Fiktiv Bakeri")) || {htmlFor: ""}).htmlFor`)
	if party == "" {
		t.Fatalf("Fiktiv Bakeri AS not offered:\n%s", b.Text("main"))
	}
	b.Click("#" + party)
	b.ClickNav(`form[action="/parties"] button[type="submit"]`)
	if st := b.ClickNav(`form[action$="/new"] button`); st != 200 {
		t.Fatalf("start a new form: status %d at %s", st, b.URL())
	}
	citizenURL := b.URL()
	fillComponentLibrary(t, b)
	citizenParty, citizenGUID := instanceOf(t, citizenURL)

	// An end-user system acting for Ola (a platform token with the end-user scopes)
	// creates an instance of the corpus app for Fiktiv Bakeri AS, where Ola is DAGL
	// (the corpus policies let only DAGL and REGNA instantiate), and submits it
	// with XML form data over REST.
	iss, err := issuerOf(ctx, base, authn.NewSigningKey(ed25519.NewKeyFromSeed(seed)))
	if err != nil {
		t.Fatal(err)
	}
	userID, bakeri := idOf(t, dsn, "users", "username", "pid:"+olaPID), idOf(t, dsn, "parties", "org_number", bakeriOrgNo)
	tok, _, err := iss.Issue(authn.Claims{Subject: userID, UserID: userID, AuthLevel: 3, AuthMethod: "e2e",
		Scopes: []string{"altinn:instances.read", "altinn:instances.write"}, ClientID: "e2e-system"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	sys := &restClient{base: base + "/ttd/" + corpusApp, token: tok}
	var in struct {
		ID   string
		Data []struct{ ID, DataType string }
	}
	sys.do(t, http.MethodPost, "/instances?instanceOwnerPartyId="+bakeri, "", nil, http.StatusCreated, &in)
	if len(in.Data) == 0 || in.Data[0].DataType != "model" {
		t.Fatalf("instance %+v has no form data element", in)
	}
	sys.do(t, http.MethodPut, "/instances/"+in.ID+"/data/"+in.Data[0].ID, "application/xml", []byte(e2eModelXML), http.StatusCreated, nil)
	sys.do(t, http.MethodPost, "/instances/"+in.ID+"/data?dataType=moped", "application/xml", []byte(e2eMopedXML), http.StatusCreated, nil)
	var proc struct{ Ended string }
	sys.do(t, http.MethodPut, "/instances/"+in.ID+"/process/next", "", nil, http.StatusOK, &proc)
	if proc.Ended == "" {
		t.Fatalf("process not ended after next: %+v", proc)
	}

	// The service owner downloads each app's submission, verified, confirms it, and
	// the next run fetches nothing.
	outDir := filepath.Join(t.TempDir(), "out")
	for _, tc := range []struct {
		app, id string
		want    []string
	}{
		{citizenApp, citizenParty + "/" + citizenGUID, []string{"<street>Storgata 1</street>", "<shortAnswerInput>Et kort svar</shortAnswerInput>", "<firstname>Kari</firstname>"}},
		{corpusApp, in.ID, []string{"<Navn>Kari System</Navn>", "<Alder>37</Alder>", "<RegNo>AB1234</RegNo>"}},
	} {
		// The runtime prints the PDF receipt after process/next and refuses the
		// confirmation until it is made, so a run may leave the instance for the
		// next, as a scheduled download would.
		out := untilConfirmed(func() string { return cli.run(t, "download", "--app", "ttd/"+tc.app, "--out", outDir, "--confirm") })
		if !strings.Contains(out, "1 instances:") || !strings.Contains(out, "1 confirmed") {
			t.Fatalf("download %s: %s", tc.app, out)
		}
		got := downloaded(t, filepath.Join(outDir, "ttd", tc.app))
		d, ok := got[tc.id]
		if !ok || len(got) != 1 {
			t.Fatalf("%s: downloaded %v, want %s", tc.app, slices.Collect(maps.Keys(got)), tc.id)
		}
		if d.AppID != "ttd/"+tc.app || d.Ended == "" || d.files == 0 || d.pdfs == 0 {
			t.Errorf("instance %s (want its PDF receipt among the files): %+v", tc.id, d)
		}
		for _, w := range tc.want {
			if !strings.Contains(d.forms, w) {
				t.Errorf("%s: the downloaded form data lack %s:\n%s", tc.app, w, d.forms)
			}
		}
		if out := cli.run(t, "download", "--app", "ttd/"+tc.app, "--out", outDir, "--confirm"); !strings.HasPrefix(out, "0 instances: 0 files downloaded") {
			t.Fatalf("second download of %s: %s", tc.app, out)
		}
	}
}

const (
	// olaPID is Ola Nordmann in the dev seed, DAGL of Fiktiv Bakeri AS (bakeriOrgNo).
	olaPID      = "15888010030"
	bakeriOrgNo = "310000108"
	// e2eModelXML and e2eMopedXML are the end-user system's form data for
	// subform-test's main model and its one required moped.
	e2eModelXML = `<?xml version="1.0" encoding="utf-8"?><model><Navn>Kari System</Navn><Alder>37</Alder></model>`
	e2eMopedXML = `<?xml version="1.0" encoding="utf-8"?><moped><RegNo>AB1234</RegNo><Merke>Tomos</Merke><Modell>A35</Modell><EkstraInfoCheck>false</EkstraInfoCheck><EkstraInfoData>-</EkstraInfoData><Produksjonsaar>1985</Produksjonsaar></moped>`
)

// instanceOf returns the party and guid of a forms UI instance URL
// (…/instance/{party}/{guid}/…).
func instanceOf(t *testing.T, u string) (string, string) {
	t.Helper()
	_, rest, ok := strings.Cut(u, "/instance/")
	parts := strings.Split(rest, "/")
	if !ok || len(parts) < 2 {
		t.Fatalf("no instance in %s", u)
	}
	return parts[0], parts[1]
}

// idOf reads the id of the row of table whose column is value, in the database of
// the running server: the runtime's user id of a person who logged in, the party id
// of an organisation the dev seed created at that login.
func idOf(t *testing.T, dsn, table, column, value string) string {
	t.Helper()
	db, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id int64
	if err := db.Gorm.Table(table).Select("id").Where(column+" = ?", value).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("%s with %s %s: %d, %v", table, column, value, id, err)
	}
	return strconv.FormatInt(id, 10)
}

// restClient calls the app API as an end-user system.
type restClient struct{ base, token string }

// do sends a request and decodes a JSON answer into out, failing the test
// unless the status is want.
func (r *restClient) do(t *testing.T, method, path, contentType string, body []byte, want int, out any) {
	t.Helper()
	req, err := http.NewRequest(method, r.base+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res := apitest.Send(t, req)
	b := res.Body
	if res.Status != want {
		t.Fatalf("%s %s: %d, want %d: %s", method, path, res.Status, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
}

// download is one downloaded instance: its instance.json, how many data files
// were checked against their SHA-256, and the text of its XML files.
type download struct {
	AppID string `json:"appId"`
	Ended string
	files int
	forms string
	// pdfs counts the PDF receipts (ref-data-as-pdf) among the files.
	pdfs int
}

// downloaded reads every instance folder under dir, checking that each data
// element of instance.json is on disk with the size and SHA-256 it announces.
func downloaded(t *testing.T, dir string) map[string]download {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]download{}
	for _, e := range entries {
		folder := filepath.Join(dir, e.Name())
		raw, err := os.ReadFile(filepath.Join(folder, "instance.json"))
		if err != nil {
			t.Fatal(err)
		}
		var in client.Instance
		if err := json.Unmarshal(raw, &in); err != nil {
			t.Fatal(err)
		}
		d := download{AppID: in.AppID}
		if in.Process.Ended != nil {
			d.Ended = in.Process.Ended.String()
		}
		for _, el := range in.Data {
			data, err := os.ReadFile(filepath.Join(folder, dataFileName(el)))
			if err != nil {
				t.Fatalf("instance %s: %v", in.ID, err)
			}
			sum := sha256.Sum256(data)
			if hex.EncodeToString(sum[:]) != el.ContentHash || int64(len(data)) != el.Size {
				t.Fatalf("%s: %d bytes, sha256 %x; instance.json says %d bytes, %s", el.ID, len(data), sum, el.Size, el.ContentHash)
			}
			d.files++
			if el.DataType == "ref-data-as-pdf" && bytes.HasPrefix(data, []byte("%PDF-")) {
				d.pdfs++
			}
			if strings.Contains(el.ContentType, "xml") {
				d.forms += string(data)
			}
		}
		out[in.ID] = d
	}
	return out
}

// cliEnv runs the real binary with its own config folder, as a person at a
// terminal would.
type cliEnv struct {
	bin string
	env []string
}

func newCLI(t *testing.T, bin string) *cliEnv {
	home := t.TempDir()
	return &cliEnv{bin: bin, env: append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, envToken+"=")}
}

// run runs the binary with args and returns its output, failing the test on a
// non-zero exit.
func (c *cliEnv) run(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("blankett %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// registerClient stores machine client id for org with scopes in the database of a
// running server and returns the file of its private key.
func registerClient(t *testing.T, dsn, id, org, scopes string) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk := authn.NewSigningKey(priv).Public()
	ks, err := authn.NewKeySet(authn.PublicKey{ID: pk.ID, Algorithm: authn.AlgEdDSA, Key: pub})
	if err != nil {
		t.Fatal(err)
	}
	jwks, err := ks.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	db, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	row := map[string]any{"client_id": id, "org": org, "org_number": "991825827", "name": org + " CI",
		"jwks": string(jwks), "scopes": scopes, "disabled": false, "created": time.Now().UTC()}
	if err := db.Gorm.Table("machine_clients").Create(row).Error; err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), id+".pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
