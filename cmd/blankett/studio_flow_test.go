// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/testenv/browser"
)

// TestStudioFlow is the service owner's whole path in a real browser: the
// Playwright script designer-ui/e2e/studio-flow.mjs signs in to the designer,
// creates an app, uploads a real XSD, adds a page with three inputs bound to model
// fields, edits a text in nn and sees it in the preview, releases, deploys to test
// and submits the app as a citizen. Then the service owner's CLI downloads the
// submission: it holds what the citizen typed, in the uploaded model's XML.
func TestStudioFlow(t *testing.T) {
	chromium := os.Getenv(browser.EnvChromium)
	if chromium == "" {
		t.Skip(browser.EnvChromium + " not set: the studio flow needs Chromium")
	}
	corpus := os.Getenv(testcorpus.EnvDir)
	if corpus == "" {
		t.Skip(testcorpus.EnvDir + " not set: the studio flow uploads a corpus XSD")
	}
	ui := filepath.Join("..", "..", "designer-ui")
	if _, err := os.Stat(filepath.Join(ui, "static", "dist", "index.html")); err != nil {
		t.Skip("designer UI not built (run `make ui`): the studio flow needs designer-ui/static/dist")
	}
	if _, err := os.Stat(filepath.Join(ui, "node_modules", "playwright-core")); err != nil {
		t.Skip("playwright-core not installed (run `make ui-deps`): the studio flow drives Chromium with it")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not found: the studio flow is a Playwright script")
	}
	script, err := filepath.Abs(filepath.Join(ui, "e2e", "studio-flow.mjs"))
	if err != nil {
		t.Fatal(err)
	}

	bin := binary(t)
	dir := t.TempDir()
	signKey, _ := signingKeyFile(t, dir, "token-signing.key")
	data := filepath.Join(dir, "data")
	const devPW = "dev-flow-password-4711"
	s := startServe(t, bin, data, "--dev", "--token-signing-key-file", signKey, "--studio-dev-password", devPW)
	s.waitReady(t, time.Now())
	base := "http://" + s.public

	// On failure the script saves a screenshot here; set SHOTS=DIR to keep
	// screenshots of the screens on success too.
	failShot := filepath.Join(os.TempDir(), "blankett-studio-flow-failure.png")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Dir = ui
	cmd.Env = append(os.Environ(), "BASE="+base, "PASSWORD="+devPW, "APP=flyt",
		"XSD="+filepath.Join(corpus, "xsd", "real", "dat-bilpleie-soknad.xsd"),
		"CHROMIUM="+chromium, "SCREENSHOT="+failShot)
	out, err := cmd.CombinedOutput()
	t.Logf("studio-flow.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("the Playwright flow failed: %v (screenshot: %s)\nserver logs:\n%s", err, failShot, s.logs)
	}

	// The service owner pulls the submission with the CLI: the citizen's answers
	// are in the XML of the uploaded model (root element Skjema).
	dsn := "sqlite:" + filepath.Join(data, "blankett.db")
	clientKey := registerClient(t, dsn, "ttd-ci", "ttd", "altinn:serviceowner/instances.read altinn:serviceowner/instances.write")
	cli := newCLI(t, bin)
	cli.run(t, "login", "--url", base, "--client-id", "ttd-ci", "--key", clientKey,
		"--scope", "altinn:serviceowner/instances.read", "--scope", "altinn:serviceowner/instances.write")
	outDir := filepath.Join(t.TempDir(), "out")
	if got := cli.run(t, "download", "--app", "ttd/flyt", "--out", outDir, "--confirm"); !strings.Contains(got, "1 instances:") {
		t.Fatalf("download: %s", got)
	}
	subs := downloaded(t, filepath.Join(outDir, "ttd", "flyt"))
	if len(subs) != 1 {
		t.Fatalf("downloaded %d instances, want 1", len(subs))
	}
	for _, d := range subs {
		if d.Ended == "" {
			t.Errorf("the submitted instance's process has not ended: %+v", d)
		}
		for _, w := range []string{"<Skjema", "<KontaktPersonNavn>Kari Nordmann</KontaktPersonNavn>",
			"<KontaktPersonEpost>kari@example.no</KontaktPersonEpost>", "<KontaktPersonTelefonNr>99887766</KontaktPersonTelefonNr>"} {
			if !strings.Contains(d.forms, w) {
				t.Errorf("the submitted form data lack %s:\n%s", w, d.forms)
			}
		}
	}
	if err := s.stop(t); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.logs.String(), devPW) {
		t.Fatal("the logs hold the dev password")
	}
}
