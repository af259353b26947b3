// SPDX-License-Identifier: MIT

package forms_test

import (
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/internal/testenv/corpusapp"
)

// TestBrowserCorpusReceipt fills component-library, a real corpus app, in
// Chromium with the script until it reaches the receipt: every required field
// of its first task (a group-bound MultipleSelect, an Address, a Datepicker,
// person and organisation lookups fed by the address), its submit button, the
// second task's summary of the first, and the receipt; axe on every page.
//
// The app's policy lets DAGL and REGNA write only in Task_1, so as it stands
// nobody may end its second task, in Altinn as here (policy is enforced); the
// test deploys it with the service owner's one-rule fix (corpusapp.WithTaskWrite).
func TestBrowserCorpusReceipt(t *testing.T) {
	start := time.Now()
	base := newServerApps(t, corpusapp.WithTaskWrite(t, corpusApp(t, "component-library"), "PreviousProcessSummary"))
	b := browser.New(t)
	browserLogin(t, b, base+"/ttd/component-library/", olaPID, bakeriParty)
	b.ClickNav(`form[action$="/new"] button`)
	if !strings.Contains(b.URL(), "/instance/") {
		t.Fatalf("new instance at %s", b.URL())
	}
	b.Axe()
	corpusapp.FillComponentLibrary(t, b, []string{"Kari", "Petter"}, func() { b.Axe() })
	b.ClickNav(`button[value="submit"]`)
	if b.Exists(".ds-error-summary") {
		t.Fatalf("the first task did not validate:\n%s", browser.Eval[string](b, `document.querySelector(".ds-error-summary").outerHTML`))
	}
	b.Axe()
	if !b.Exists(`[data-component]`) {
		t.Fatalf("the second task shows nothing at %s:\n%s", b.URL(), b.Text("main"))
	}
	if txt := b.Text("main"); strings.Contains(txt, "Et kort svar,") || !strings.Contains(txt, "Storgata 1") {
		t.Errorf("the second task's summary of the first lacks its answers or joins them:\n%s", txt)
	}
	// The second task's layouts have no submit button; its last page gets one.
	corpusapp.Page(t, b, "RenderSpecificComponentFromPreviousTask")
	b.Axe()
	b.ClickNav(`button[value="submit"]`)
	if !strings.HasSuffix(b.URL(), "/receipt") || !strings.Contains(b.Text("#bl-receipt"), "Skjemaet er sendt inn") {
		t.Fatalf("no receipt at %s:\n%s", b.URL(), b.Text("main"))
	}
	b.Axe()
	checkConsole(t, b)
	t.Logf("E2E component-library to the receipt: %s", time.Since(start).Round(time.Millisecond))
}
