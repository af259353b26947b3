// SPDX-License-Identifier: MIT

package forms_test

import (
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/internal/testenv/roletest"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime"
)

// submitSkjema logs Ola in, fills and submits a new instance of the fixture app
// without JavaScript, and returns the receipt page.
func submitSkjema(t *testing.T, c *http.Client, base string) webtest.Page {
	t.Helper()
	webtest.DevLogin(t, c, base+"/ttd/skjema/", olaPID)
	form := webtest.Do(t, c, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	if form.Status != http.StatusOK || !strings.Contains(form.URL.Path, "/ttd/skjema/instance/") {
		t.Fatalf("new: %d at %s", form.Status, form.URL)
	}
	inst := form.URL.String()
	page2 := webtest.Do(t, c, http.MethodPost, inst+"/page/page1", url.Values{"name": {"Ola"}, "age": {"42"}, "_action": {"page:page2"}})
	confirm := webtest.Do(t, c, http.MethodPost, page2.URL.String(), url.Values{"_action": {"submit"}})
	if confirm.Status != http.StatusOK {
		t.Fatalf("submit: %d at %s\n%.800s", confirm.Status, confirm.URL, confirm.Body)
	}
	receipt := webtest.Do(t, c, http.MethodPost, inst+"/confirm", url.Values{"_action": {"process:confirm"}})
	if receipt.Status != http.StatusOK || !strings.HasSuffix(receipt.URL.Path, "/receipt") {
		t.Fatalf("receipt: %d at %s\n%.800s", receipt.Status, receipt.URL, receipt.Body)
	}
	return receipt
}

// TestReceiptPDFPending: with no PDF worker running, the receipt says the PDF is
// being made, with a plain link to check again, and offers no download.
func TestReceiptPDFPending(t *testing.T) {
	base := newServer(t)
	receipt := submitSkjema(t, webtest.Client(t), base)
	if !strings.Contains(receipt.Body, `id="bl-receipt-pdf-pending"`) || !strings.Contains(receipt.Body, "Kvitteringen som PDF blir laget.") ||
		!strings.Contains(receipt.Body, `href="`+receipt.URL.Path+`"`) {
		t.Errorf("the receipt lacks the pending line with a link to itself:\n%s", receipt.Body)
	}
	if strings.Contains(receipt.Body, "Last ned kvittering som PDF") {
		t.Error("the receipt offers a PDF that does not exist")
	}
}

// pdfLink finds the receipt's PDF download link.
var pdfLink = regexp.MustCompile(`<p class="ds-paragraph" id="bl-receipt-pdf"><a class="ds-link" href="([^"]+)"[^>]*>([^<]+)</a>`)

// TestReceiptPDFDownload runs the runtime with its workers and a real Chromium:
// after submitting, the receipt soon links the PDF receipt (in English when the
// user chose English), which downloads as a tagged PDF; another person gets none.
func TestReceiptPDFDownload(t *testing.T) {
	exe := os.Getenv(browser.EnvChromium)
	if exe == "" {
		t.Skip(browser.EnvChromium + " not set: PDF receipt test skipped")
	}
	cfg := runtime.DefaultConfig()
	cfg.Apps = []string{filepath.Join("testdata", "skjema")}
	cfg.PDFChromium = exe
	base := roletest.StartWith(t, runtime.New(cfg), roletest.Options{Workers: true}).URL
	c := webtest.Client(t)
	receipt := submitSkjema(t, c, base)
	var m []string
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		receipt = webtest.Do(t, c, http.MethodGet, receipt.URL.String()+"?lang=en", nil)
		if m = pdfLink.FindStringSubmatch(receipt.Body); m != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no PDF link on the receipt after 60 s:\n%s", receipt.Body)
		}
	}
	if m[2] != "Download receipt as PDF" {
		t.Errorf("link text %q", m[2])
	}
	href := html.UnescapeString(m[1])
	got := webtest.Do(t, c, http.MethodGet, base+href, nil)
	if got.Status != http.StatusOK || !strings.HasPrefix(got.Header.Get("Content-Type"), "application/pdf") ||
		!strings.HasPrefix(got.Body, "%PDF-") || !strings.Contains(got.Body, "/StructTreeRoot") {
		t.Fatalf("download %s: %d %s, %d bytes starting %.8q", href, got.Status, got.Header.Get("Content-Type"), len(got.Body), got.Body)
	}
	other := webtest.Client(t)
	webtest.DevLogin(t, other, base+"/ttd/skjema/", perPID)
	if denied := webtest.Do(t, other, http.MethodGet, base+href, nil); denied.Status == http.StatusOK || strings.HasPrefix(denied.Body, "%PDF-") {
		t.Errorf("another person downloaded the PDF: %d", denied.Status)
	}
}
