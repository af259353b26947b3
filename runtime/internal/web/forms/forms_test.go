// SPDX-License-Identifier: MIT

package forms_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCitizenFillsAndSubmits walks the whole flow without JavaScript: login,
// start page, new instance, save, missing required field on submit, fix, receipt;
// another person gets 403 and no data.
func TestCitizenFillsAndSubmits(t *testing.T) {
	base := newServer(t)
	c := client(t)

	start := login(t, c, base+"/ttd/skjema/", olaPID)
	if start.status != http.StatusOK || start.url.Path != "/ttd/skjema/" {
		t.Fatalf("start page: %d at %s\n%.800s", start.status, start.url, start.body)
	}
	for _, want := range []string{`<html lang="nb">`, `href="/assets/designsystemet/designsystemet.css"`, "Start nytt skjema", `href="#bl-main"`, "Logg ut"} {
		if !strings.Contains(start.body, want) {
			t.Errorf("start page lacks %q", want)
		}
	}
	css := do(t, c, http.MethodGet, base+"/assets/designsystemet/designsystemet.css", nil)
	if css.status != http.StatusOK || !strings.Contains(css.header.Get("Cache-Control"), "max-age") || !strings.HasPrefix(css.header.Get("Content-Type"), "text/css") {
		t.Errorf("css: %d %v", css.status, css.header)
	}

	form := do(t, c, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	if form.status != http.StatusOK || !strings.Contains(form.url.Path, "/ttd/skjema/instance/") {
		t.Fatalf("new: %d at %s\n%.800s", form.status, form.url, form.body)
	}
	inst := form.url.String()
	if strings.Count(form.body, "<h1") != 1 || !strings.Contains(form.body, `name="name"`) {
		t.Fatalf("form page:\n%s", form.body)
	}

	// A save without JavaScript: the value comes back; a bad number is refused.
	saved := do(t, c, http.MethodPost, inst, url.Values{"age": {"42"}, "_action": {"save"}})
	if saved.status != http.StatusOK || !strings.Contains(saved.body, `value="42"`) {
		t.Fatalf("after save: %d at %s\n%s", saved.status, saved.url, saved.body)
	}
	bad := do(t, c, http.MethodPost, inst, url.Values{"age": {"abc"}, "_action": {"save"}})
	if bad.status != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Skriv inn et tall") {
		t.Errorf("bad number: %d\n%s", bad.status, bad.body)
	}

	// Submitting from the last page with the required name missing: error summary.
	page2 := do(t, c, http.MethodPost, inst, url.Values{"_action": {"next"}})
	if page2.status != http.StatusOK || !strings.HasSuffix(page2.url.Path, "/page/page2") {
		t.Fatalf("next page: %d at %s", page2.status, page2.url)
	}
	rows := do(t, c, http.MethodPost, page2.url.String(), url.Values{"_action": {"addRow:pets"}})
	if rows.status != http.StatusOK || !strings.Contains(rows.body, `name="pets[0].name"`) {
		t.Fatalf("add row: %d at %s\n%s", rows.status, rows.url, rows.body)
	}
	rows = do(t, c, http.MethodPost, rows.url.String(), url.Values{"pets[0].name": {"Pusur"}, "_action": {"saveRow:pets:0"}})
	if rows.status != http.StatusOK || !strings.Contains(rows.body, "Pusur") {
		t.Fatalf("save row: %d\n%s", rows.status, rows.body)
	}
	failed := do(t, c, http.MethodPost, page2.url.String(), url.Values{"_action": {"submit"}})
	if failed.status != http.StatusConflict {
		t.Fatalf("submit without name: %d at %s\n%s", failed.status, failed.url, failed.body)
	}
	if !strings.Contains(failed.body, `href="`+page2.url.Path[:strings.Index(page2.url.Path, "/page/")]+`/page/page1#name"`) {
		t.Errorf("error summary lacks a link to the name field:\n%s", failed.body)
	}

	// Fixed on page 1, submitted: the receipt.
	fixed := do(t, c, http.MethodPost, inst+"/page/page1", url.Values{"name": {"Ola"}, "age": {"42"}, "_action": {"page:page2"}})
	if fixed.status != http.StatusOK {
		t.Fatalf("fix: %d", fixed.status)
	}
	confirm := do(t, c, http.MethodPost, fixed.url.String(), url.Values{"_action": {"submit"}})
	if confirm.status != http.StatusOK || !strings.Contains(confirm.body, "Se over og bekreft") || !strings.Contains(confirm.body, "Ola") {
		t.Fatalf("confirmation task: %d at %s\n%s", confirm.status, confirm.url, confirm.body)
	}
	receipt := do(t, c, http.MethodPost, inst+"/confirm", url.Values{"_action": {"process:confirm"}})
	if receipt.status != http.StatusOK || !strings.HasSuffix(receipt.url.Path, "/receipt") ||
		!strings.Contains(receipt.body, "Skjemaet er sendt inn") || !strings.Contains(receipt.body, "Ola") {
		t.Fatalf("receipt: %d at %s\n%s", receipt.status, receipt.url, receipt.body)
	}
	if strings.Count(receipt.body, "<h1") != 1 {
		t.Errorf("receipt has %d h1", strings.Count(receipt.body, "<h1"))
	}

	// Another person may not open the instance.
	other := client(t)
	denied := login(t, other, inst, perPID)
	if denied.status != http.StatusForbidden || strings.Contains(denied.body, "Ola") || strings.Contains(denied.body, "Pusur") {
		t.Fatalf("other user: %d\n%s", denied.status, denied.body)
	}
}
