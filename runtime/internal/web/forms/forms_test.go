// SPDX-License-Identifier: MIT

package forms_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/webtest"
)

// TestCitizenFillsAndSubmits walks the whole flow without JavaScript: login,
// start page, new instance, save, missing required field on submit, fix, receipt;
// another person gets 403 and no data.
func TestCitizenFillsAndSubmits(t *testing.T) {
	base := newServer(t)
	c := webtest.Client(t)

	start := webtest.DevLogin(t, c, base+"/ttd/skjema/", olaPID)
	if start.Status != http.StatusOK || start.URL.Path != "/ttd/skjema/" {
		t.Fatalf("start page: %d at %s\n%.800s", start.Status, start.URL, start.Body)
	}
	for _, want := range []string{`<html lang="nb">`, `href="/assets/designsystemet/designsystemet.css"`, "Start nytt skjema", `href="#bl-main"`, "Logg ut"} {
		if !strings.Contains(start.Body, want) {
			t.Errorf("start page lacks %q", want)
		}
	}
	css := webtest.Do(t, c, http.MethodGet, base+"/assets/designsystemet/designsystemet.css", nil)
	if css.Status != http.StatusOK || !strings.Contains(css.Header.Get("Cache-Control"), "max-age") || !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") {
		t.Errorf("css: %d %v", css.Status, css.Header)
	}

	form := webtest.Do(t, c, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	if form.Status != http.StatusOK || !strings.Contains(form.URL.Path, "/ttd/skjema/instance/") {
		t.Fatalf("new: %d at %s\n%.800s", form.Status, form.URL, form.Body)
	}
	inst := form.URL.String()
	if strings.Count(form.Body, "<h1") != 1 || !strings.Contains(form.Body, `name="name"`) {
		t.Fatalf("form page:\n%s", form.Body)
	}

	// A save without JavaScript: the value comes back; a bad number is refused.
	saved := webtest.Do(t, c, http.MethodPost, inst, url.Values{"age": {"42"}, "_action": {"save"}})
	if saved.Status != http.StatusOK || !strings.Contains(saved.Body, `value="42"`) {
		t.Fatalf("after save: %d at %s\n%s", saved.Status, saved.URL, saved.Body)
	}
	bad := webtest.Do(t, c, http.MethodPost, inst, url.Values{"age": {"abc"}, "_action": {"save"}})
	if bad.Status != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, "Skriv inn et tall") {
		t.Errorf("bad number: %d\n%s", bad.Status, bad.Body)
	}

	// Submitting from the last page with the required name missing: error summary.
	page2 := webtest.Do(t, c, http.MethodPost, inst, url.Values{"_action": {"next"}})
	if page2.Status != http.StatusOK || !strings.HasSuffix(page2.URL.Path, "/page/page2") {
		t.Fatalf("next page: %d at %s", page2.Status, page2.URL)
	}
	rows := webtest.Do(t, c, http.MethodPost, page2.URL.String(), url.Values{"_action": {"addRow:pets"}})
	if rows.Status != http.StatusOK || !strings.Contains(rows.Body, `name="pets[0].name"`) {
		t.Fatalf("add row: %d at %s\n%s", rows.Status, rows.URL, rows.Body)
	}
	rows = webtest.Do(t, c, http.MethodPost, rows.URL.String(), url.Values{"pets[0].name": {"Pusur"}, "_action": {"saveRow:pets:0"}})
	if rows.Status != http.StatusOK || !strings.Contains(rows.Body, "Pusur") {
		t.Fatalf("save row: %d\n%s", rows.Status, rows.Body)
	}
	failed := webtest.Do(t, c, http.MethodPost, page2.URL.String(), url.Values{"_action": {"submit"}})
	if failed.Status != http.StatusConflict {
		t.Fatalf("submit without name: %d at %s\n%s", failed.Status, failed.URL, failed.Body)
	}
	if !strings.Contains(failed.Body, `href="`+page2.URL.Path[:strings.Index(page2.URL.Path, "/page/")]+`/page/page1#name"`) {
		t.Errorf("error summary lacks a link to the name field:\n%s", failed.Body)
	}

	// Fixed on page 1, submitted: the receipt.
	fixed := webtest.Do(t, c, http.MethodPost, inst+"/page/page1", url.Values{"name": {"Ola"}, "age": {"42"}, "_action": {"page:page2"}})
	if fixed.Status != http.StatusOK {
		t.Fatalf("fix: %d", fixed.Status)
	}
	confirm := webtest.Do(t, c, http.MethodPost, fixed.URL.String(), url.Values{"_action": {"submit"}})
	if confirm.Status != http.StatusOK || !strings.Contains(confirm.Body, "Se over og bekreft") || !strings.Contains(confirm.Body, "Ola") {
		t.Fatalf("confirmation task: %d at %s\n%s", confirm.Status, confirm.URL, confirm.Body)
	}
	receipt := webtest.Do(t, c, http.MethodPost, inst+"/confirm", url.Values{"_action": {"process:confirm"}})
	if receipt.Status != http.StatusOK || !strings.HasSuffix(receipt.URL.Path, "/receipt") ||
		!strings.Contains(receipt.Body, "Skjemaet er sendt inn") || !strings.Contains(receipt.Body, "Ola") {
		t.Fatalf("receipt: %d at %s\n%s", receipt.Status, receipt.URL, receipt.Body)
	}
	if strings.Count(receipt.Body, "<h1") != 1 {
		t.Errorf("receipt has %d h1", strings.Count(receipt.Body, "<h1"))
	}

	// Another person may not open the instance.
	other := webtest.Client(t)
	denied := webtest.DevLogin(t, other, inst, perPID)
	if denied.Status != http.StatusForbidden || strings.Contains(denied.Body, "Ola") || strings.Contains(denied.Body, "Pusur") {
		t.Fatalf("other user: %d\n%s", denied.Status, denied.Body)
	}
}
