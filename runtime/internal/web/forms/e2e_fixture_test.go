// SPDX-License-Identifier: MIT

package forms_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// has reports whether the page's text contains s (JavaScript condition).
func has(s string) string {
	return `document.body.textContent.includes(` + jsQuote(s) + `)`
}

func jsQuote(s string) string {
	return "\"" + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + "\""
}

// TestBrowserFixtureWithScript fills the fixture app in Chromium with the
// enhancement script: autosave with a swapped-in paragraph whose hidden
// expression changed, focus and caret kept across a swap, a type error shown
// inline, repeating rows and attachments without page loads, a blocking
// validation error fixed, confirm, receipt, "my forms" and a language switch;
// axe on every page.
func TestBrowserFixtureWithScript(t *testing.T) {
	start := time.Now()
	base := newServer(t)
	b := browser.New(t)
	browserLogin(t, b, base+"/ttd/skjema/", olaPID, "")
	b.Axe()
	b.ClickNav(`form[action$="/new"] button`)
	if !strings.Contains(b.URL(), "/instance/") {
		t.Fatalf("new instance at %s", b.URL())
	}
	b.Axe()
	browser.Eval[bool](b, `window.blNoReload = true`)

	// A bad number autosaves on change and comes back as an inline error.
	b.Fill("#age", "abc")
	b.WaitFor("the type error", has("Skriv inn et tall"))
	if got := b.Text("#bl-status"); got != "Lagret – se feilmeldingene" {
		t.Errorf("status %q", got)
	}
	if !browser.Eval[bool](b, `document.getElementById("age").getAttribute("aria-invalid") === "true"`) {
		t.Error("the bad field is not aria-invalid")
	}
	b.Axe()

	// Typing in name while a save swaps in a paragraph (hidden expression now
	// false): the focus and the caret stay, and the next keys land in place.
	b.Type("#name", "Oa")
	browser.Eval[bool](b, `(()=>{const n=document.getElementById("name"); n.setSelectionRange(1,1);
		const a=document.getElementById("age"); a.value="42"; a.dispatchEvent(new Event("change",{bubbles:true})); return true})()`)
	b.WaitFor("the age note", has("Takk, alderen er registrert."))
	if id := b.ActiveID(); id != "name" {
		t.Errorf("focus on %q after the swap, want name", id)
	}
	b.Type("#name", "l")
	if v := b.Value("#name"); v != "Ola" {
		t.Errorf("name %q after typing at the kept caret, want Ola", v)
	}
	b.Fill("#name", "")
	b.WaitFor("the save of the cleared name", `document.getElementById("bl-status").textContent === "Lagret"`)
	b.Axe()

	// Page 2: rows and attachments without a page load.
	b.ClickNav(`button[value="next"]`)
	b.Axe()
	browser.Eval[bool](b, `window.blNoReload = true`)
	b.Click(`button[value="addRow:pets"]`)
	b.WaitVisible(`input[name="pets[0].name"]`)
	if id := b.ActiveID(); !strings.HasPrefix(id, "pet-name") {
		t.Errorf("focus on %q after add row, want the new row's field", id)
	}
	b.Type(`input[name="pets[0].name"]`, "Pusur")
	b.Click(`button[value="saveRow:pets:0"]`)
	b.WaitGone(`input[name="pets[0].name"]`)
	b.WaitFor("the row", has("Pusur"))
	b.Axe()

	b.Upload(`input[name="_file:vedlegg"]`, pdf(t, "kvittering.pdf"))
	b.WaitFor("the uploaded file", has("kvittering.pdf"))
	b.Click(`button[value^="deleteFile:vedlegg"]`)
	b.WaitFor("the file to go", `!`+has("kvittering.pdf"))
	txt := filepath.Join(t.TempDir(), "notat.txt")
	if err := os.WriteFile(txt, []byte("not a pdf"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Upload(`input[name="_file:vedlegg"]`, txt)
	b.WaitFor("the file type problem", has("Filtypen er ikke tillatt her."))
	b.Axe()
	b.Upload(`input[name="_file:vedlegg"]`, pdf(t, "vedlegg.pdf"))
	b.WaitFor("the second upload", has("vedlegg.pdf"))
	if !browser.Eval[bool](b, `window.blNoReload === true`) {
		t.Error("the page reloaded during row or attachment changes")
	}

	// Submit without the required name: the error summary links to the field.
	b.ClickNav(`button[value="submit"]`)
	b.WaitVisible(".ds-error-summary")
	b.Axe()
	b.ClickNav(`.ds-error-summary a[href$="/page/page1#name"]`)
	b.Fill("#name", "Ola")
	b.ClickNav(`button[value="next"]`)
	b.ClickNav(`button[value="submit"]`)
	b.WaitFor("the confirmation page", has("Se over og bekreft"))
	if !strings.Contains(b.Text("main"), "Pusur") {
		t.Error("the confirmation summary lacks the row")
	}
	b.Axe()
	b.ClickNav(`#bl-confirm button`)
	if !strings.HasSuffix(b.URL(), "/receipt") || !strings.Contains(b.Text("#bl-receipt"), "Skjemaet er sendt inn") {
		t.Fatalf("no receipt at %s", b.URL())
	}
	receipt := b.URL()
	b.Axe()

	// My forms (from the header) lists it in the archive; then in English.
	b.ClickNav(`#bl-menu a`)
	if !b.Exists(`#bl-archive a[href="` + strings.TrimPrefix(receipt, base) + `"]`) {
		t.Errorf("my forms lacks the receipt link:\n%s", b.Text("main"))
	}
	b.Axe()
	b.ClickNav(`#bl-lang a[lang="en"]`)
	if lang := browser.Eval[string](b, `document.documentElement.lang`); lang != "en" || !strings.Contains(b.Text("h1"), "My forms") {
		t.Errorf("after the switch: lang %q, h1 %q", lang, b.Text("h1"))
	}
	b.Axe()
	checkConsole(t, b)
	t.Logf("E2E fixture with script: %s", time.Since(start).Round(time.Millisecond))
}
