// SPDX-License-Identifier: MIT

package forms_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// TestBrowserFixtureWithoutScript completes the fixture app in Chromium with
// JavaScript off: every step is a plain form post (type error, rows, upload and
// delete of an attachment, blocking error, confirm, receipt, my forms, delete a
// draft); axe on every page.
func TestBrowserFixtureWithoutScript(t *testing.T) {
	start := time.Now()
	base := newServer(t)
	b := browser.NewWith(t, browser.Options{NoJavaScript: true})
	browserLogin(t, b, base+"/ttd/skjema/", olaPID, "")
	b.Axe()

	// A draft to delete from "my forms" later.
	b.ClickNav(`form[action$="/new"] button`)
	draft := strings.TrimPrefix(b.URL(), base)
	b.Navigate(base + "/ttd/skjema/")
	b.ClickNav(`form[action$="/new"] button`)
	b.Axe()

	b.Fill("#name", "Kari")
	b.Fill("#age", "tolv")
	if status := b.ClickNav(`button[value="next"]`); status != http.StatusUnprocessableEntity {
		t.Errorf("bad number: status %d", status)
	}
	b.WaitFor("the type error", has("Skriv inn et tall"))
	b.Axe()
	b.Fill("#age", "12")
	b.ClickNav(`button[value="next"]`)
	if !strings.HasSuffix(b.URL(), "/page/page2") {
		t.Fatalf("at %s, want page 2", b.URL())
	}
	b.Axe()

	b.ClickNav(`button[value="addRow:pets"]`)
	b.Fill(`input[name="pets[0].name"]`, "Fido")
	b.ClickNav(`button[value="saveRow:pets:0"]`)
	b.WaitFor("the row", has("Fido"))
	b.Axe()

	b.Upload(`input[name="_file:vedlegg"]`, pdf(t, "bilag.pdf"))
	b.ClickNav(`button[value="upload:vedlegg"]`)
	b.WaitFor("the upload", has("bilag.pdf"))
	b.Axe()
	b.ClickNav(`button[value^="deleteFile:vedlegg"]`)
	if b.Exists(`button[value^="deleteFile:vedlegg"]`) {
		t.Error("the attachment is still listed after delete")
	}

	b.ClickNav(`button[value="submit"]`)
	b.WaitFor("the confirmation page", has("Se over og bekreft"))
	b.Axe()
	b.ClickNav(`#bl-confirm button`)
	if !strings.HasSuffix(b.URL(), "/receipt") {
		t.Fatalf("no receipt: %s", b.URL())
	}
	b.Axe()

	b.ClickNav(`#bl-menu a`)
	b.Axe()
	if !b.Exists(`#bl-drafts a[href="`+draft+`"]`) || !b.Exists(`#bl-archive a[href$="/receipt"]`) {
		t.Fatalf("my forms lacks the draft or the archive:\n%s", b.Text("main"))
	}
	b.ClickNav(`#bl-drafts form[action="` + draft + `/delete"] button`)
	if b.Exists(`#bl-drafts a[href="` + draft + `"]`) {
		t.Error("the deleted draft is still listed")
	}
	if status := b.ClickNav(`#bl-archive a`); status != http.StatusOK {
		t.Errorf("archive link: %d", status)
	}
	b.Navigate(base + draft)
	if !strings.Contains(b.Text("h1"), "Fant ikke siden") {
		t.Errorf("the deleted draft still opens: %q", b.Text("h1"))
	}
	if b.Exists("script") && browser.Eval[bool](b, `document.getElementById("bl-status") && document.getElementById("bl-status").textContent !== ""`) {
		t.Error("the script ran with JavaScript off")
	}
	t.Logf("E2E fixture without script: %s", time.Since(start).Round(time.Millisecond))
}
