// SPDX-License-Identifier: MIT

package forms_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// Seeded dev IdP organisation Ola holds DAGL for (internal/devidp/seed.json); the
// corpus apps' policies let DAGL and REGNA instantiate.
const bakeriParty = "Fiktiv Bakeri AS"

// corpusApp is the folder of corpus app name, or a skip when the corpus is absent.
func corpusApp(t *testing.T, name string) string {
	t.Helper()
	dir := os.Getenv("BLANKETT_CORPUS_DIR")
	if dir == "" {
		t.Skip("BLANKETT_CORPUS_DIR not set: corpus apps not available")
	}
	p := filepath.Join(dir, "apps", name)
	if _, err := os.Stat(filepath.Join(p, "App")); err != nil {
		t.Skipf("corpus app %s missing: %v", name, err)
	}
	return p
}

// browserLogin opens start (which sends an anonymous visitor to the dev IdP),
// logs in as pid and, when party is not "", chooses the party of that name; it checks every
// page on the way with axe except the dev IdP's own.
func browserLogin(t *testing.T, b *browser.Browser, start, pid, party string) {
	t.Helper()
	b.Navigate(start)
	if !strings.Contains(b.Title(), "Testinnlogging") {
		t.Fatalf("not at the dev login: %q at %s", b.Title(), b.URL())
	}
	b.Click(`input[name="user"][value="` + pid + `"]`)
	b.ClickNav(`button[type="submit"]`)
	if party == "" {
		return
	}
	u, err := url.Parse(b.URL())
	if err != nil {
		t.Fatal(err)
	}
	b.Navigate(u.Scheme + "://" + u.Host + "/parties?" + url.Values{"returnTo": {u.RequestURI()}}.Encode())
	b.Axe()
	id := browser.Eval[string](b, `(Array.from(document.querySelectorAll("label[for^=party-]")).find(l => l.textContent.includes(`+jsQuote(party)+`)) || {htmlFor: ""}).htmlFor`)
	if id == "" {
		t.Fatalf("party %s not offered:\n%s", party, b.Text("main"))
	}
	b.Click("#" + id)
	b.ClickNav(`form[action="/parties"] button[type="submit"]`)
}

// pdf writes a small PDF file for upload tests and returns its path.
func pdf(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	body := "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkConsole fails t on console errors other than HTTP statuses the browser
// logs for answers the UI sends on purpose (422, 409, the missing favicon): a CSP
// violation or a script error is a bug.
func checkConsole(t *testing.T, b *browser.Browser) {
	t.Helper()
	for _, m := range b.ConsoleErrors() {
		if m.Source == "network" {
			continue
		}
		t.Errorf("console: %s (%s)", m, m.URL)
	}
}
