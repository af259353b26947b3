// SPDX-License-Identifier: MIT

package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStudioRemoteDeploy runs studio and the runtime as two processes, as in
// production: studio holds a deploy key (--studio-deploy-key-file), the runtime
// knows its public key as the machine client studio-ttd (`blankett clients add`),
// and a deploy to `production` goes over HTTP with a JWT grant. A deploy for an org
// whose client the runtime does not know fails with a clear 502, and the runtime
// is unchanged.
func TestStudioRemoteDeploy(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	keyFile, pubFile := deployKeyFiles(t, dir)
	signKey, _ := signingKeyFile(t, dir, "token-signing.key")

	rdata := filepath.Join(dir, "runtime")
	if out, err := exec.Command(bin, "clients", "add", "studio-ttd", "--org", "ttd", "--org-number", "991825827",
		"--name", "Blankett Studio", "--key", pubFile, "--scopes", "blankett:deploy", "--data-dir", rdata).CombinedOutput(); err != nil {
		t.Fatalf("clients add: %v\n%s", err, out)
	}
	// A production runtime: no dev mode, citizens log in at an OIDC provider (not
	// contacted until someone logs in, so it need not exist here).
	rt := startRole(t, bin, "runtime", rdata, "--token-signing-key-file", signKey,
		"--oidc-issuer", "https://idp.example.invalid", "--oidc-client-id", "blankett-runtime")
	rt.waitReady(t, time.Now())
	runtimeURL := "http://" + rt.public

	const devPW = "dev-remote-password-4711"
	st := startRole(t, bin, "studio", filepath.Join(dir, "studio"), "--dev", "--studio-dev-password", devPW,
		"--studio-deploy-key-file", keyFile,
		"--studio-environment-urls", "test="+runtimeURL+",production="+runtimeURL)
	st.waitReady(t, time.Now())
	dev := studioClient{base: "http://" + st.public, user: "dev", password: devPW}

	dev.do(t, http.MethodPost, "/orgs/ttd/apps", map[string]string{"name": "fjern"}, http.StatusCreated, nil)
	dev.do(t, http.MethodPost, "/orgs/ttd/apps/fjern/releases", map[string]string{"version": "v1"}, http.StatusCreated, nil)
	var d struct{ Status, Error string }
	dev.do(t, http.MethodPost, "/orgs/ttd/apps/fjern/environments/production/deploys", map[string]string{"version": "v1"}, http.StatusCreated, &d)
	if d.Status != "succeeded" {
		t.Fatalf("deploy to production = %+v\nstudio logs:\n%s", d, st.logs)
	}
	if res, err := http.Get(runtimeURL + "/ttd/fjern/api/v1/applicationmetadata"); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the runtime does not serve ttd/fjern after the deploy: %v %v\nruntime logs:\n%s", res, err, rt.logs)
	}
	var envs struct{ Environments []envStatus }
	dev.do(t, http.MethodGet, "/orgs/ttd/apps/fjern/environments", nil, http.StatusOK, &envs)
	for _, e := range envs.Environments {
		if e.RuntimeVersion != "v1" || e.RuntimeError != "" {
			t.Errorf("environment %s reports %+v, want v1 running", e.Environment, e)
		}
	}

	// Org brg has no client studio-brg at the runtime: the token exchange fails,
	// studio says so, and the runtime has nothing of brg.
	dev.do(t, http.MethodPost, "/orgs", map[string]string{"name": "brg", "fullName": "Brønnøysundregistrene"}, http.StatusCreated, nil)
	dev.do(t, http.MethodPut, "/orgs/brg/teams/Deploy-production/members/dev", nil, http.StatusNoContent, nil)
	dev.do(t, http.MethodPost, "/orgs/brg/apps", map[string]string{"name": "fjern"}, http.StatusCreated, nil)
	dev.do(t, http.MethodPost, "/orgs/brg/apps/fjern/releases", map[string]string{"version": "v1"}, http.StatusCreated, nil)
	body := dev.do(t, http.MethodPost, "/orgs/brg/apps/fjern/environments/production/deploys", map[string]string{"version": "v1"}, http.StatusBadGateway, nil)
	if !strings.Contains(string(body), `"code":"deploy_failed"`) || !strings.Contains(string(body), "studio-brg") {
		t.Fatalf("deploy without a registered client: %s", body)
	}
	if res, err := http.Get(runtimeURL + "/brg/fjern/api/v1/applicationmetadata"); err != nil || res.StatusCode != http.StatusNotFound {
		t.Fatalf("GET brg/fjern at the runtime after the failed deploy: %v %v", res, err)
	}
	raw, _ := os.ReadFile(keyFile)
	for _, s := range []*server{st, rt} {
		if err := s.stop(t); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(s.logs.String(), string(raw)) || strings.Contains(s.logs.String(), devPW) {
			t.Fatal("a secret reached the logs")
		}
	}
}

// deployKeyFiles writes a new Ed25519 key pair as PKCS#8 and SPKI PEM files.
func deployKeyFiles(t *testing.T, dir string) (private, public string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	spki, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	private, public = filepath.Join(dir, "studio-deploy.pem"), filepath.Join(dir, "studio-deploy.pub.pem")
	if err := os.WriteFile(private, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(public, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: spki}), 0o644); err != nil {
		t.Fatal(err)
	}
	return private, public
}
