// SPDX-License-Identifier: MIT

package forms_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// TestBrowserCorpusReceipt fills component-library, a real corpus app, in
// Chromium with the script until it reaches the receipt: every required field
// of its first task (a group-bound MultipleSelect, an Address, a Datepicker,
// person and organisation lookups fed by the address), its submit button, the
// second task's summary of the first, and the receipt; axe on every page.
//
// The app's policy lets DAGL and REGNA write only in Task_1, so as it stands
// nobody may end its second task, in Altinn as here (policy is enforced); the
// test deploys it with the service owner's one-rule fix (withTaskWrite).
func TestBrowserCorpusReceipt(t *testing.T) {
	start := time.Now()
	base := newServerApps(t, withTaskWrite(t, corpusApp(t, "component-library"), "PreviousProcessSummary"))
	b := browser.New(t)
	browserLogin(t, b, base+"/ttd/component-library/", olaPID, bakeriParty)
	b.ClickNav(`form[action$="/new"] button`)
	if !strings.Contains(b.URL(), "/instance/") {
		t.Fatalf("new instance at %s", b.URL())
	}
	save := func(fill func()) {
		t.Helper()
		browser.Eval[string](b, `document.getElementById("bl-status").textContent = ""`)
		fill()
		b.WaitFor("the autosave", `document.getElementById("bl-status").textContent === "Lagret"`)
	}
	page := func(id string) {
		t.Helper()
		b.ClickNav(`button[value="page:` + id + `"]`)
		if !strings.HasSuffix(b.URL(), "/page/"+id) {
			t.Fatalf("at %s, want page %s:\n%s", b.URL(), id, b.Text("main"))
		}
		b.Axe()
	}
	b.Axe()
	save(func() { b.Fill("#InputPage-Input", "Et kort svar") })
	page("MultipleSelectPage")
	save(func() {
		browser.Eval[bool](b, `(()=>{const s=document.getElementById("MultipleSelectPage-Checkboxes2");`+
			`for(const o of s.options)o.selected=o.value==="Kari"||o.value==="Petter";`+
			`s.dispatchEvent(new Event("change",{bubbles:true}));return true})()`)
	})
	page("AddressPage")
	for _, f := range [][2]string{{"address", "Storgata 1"}, {"careOf", "Bakeriet AS"}, {"zipCode", "0150"}, {"postPlace", "Oslo"}, {"houseNumber", "H0101"}} {
		save(func() { b.Fill("#AddressPage-Address-"+f[0], f[1]) })
	}
	page("DatepickerPage")
	save(func() { b.Fill("#DatepickerExample1", "17.05.2024") })
	page("PersonLookupPage")
	save(func() { b.Fill("#personLookup-person_lookup_ssn", "08829698278") })
	page("SummaryPage")
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
	page("RenderSpecificComponentFromPreviousTask")
	b.ClickNav(`button[value="submit"]`)
	if !strings.HasSuffix(b.URL(), "/receipt") || !strings.Contains(b.Text("#bl-receipt"), "Skjemaet er sendt inn") {
		t.Fatalf("no receipt at %s:\n%s", b.URL(), b.Text("main"))
	}
	b.Axe()
	checkConsole(t, b)
	t.Logf("E2E component-library to the receipt: %s", time.Since(start).Round(time.Millisecond))
}

// rule2 is the corpus policies' rule letting REGNA and DAGL read and write in Task_1.
var rule2 = regexp.MustCompile(`(?s)<xacml:Rule RuleId="urn:altinn:example:ruleid:2".*?</xacml:Rule>`)

// withTaskWrite copies the app in dir and adds to its policy a copy of the
// Task_1 read/write rule for task, returning the copy's directory.
func withTaskWrite(t *testing.T, dir, task string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(out, "App", "config", "authorization", "policy.xml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	rule := rule2.Find(b)
	if rule == nil {
		t.Fatalf("%s has no Task_1 rule to copy", p)
	}
	extra := strings.NewReplacer("ruleid:2", "ruleid:"+task, ">Task_1<", ">"+task+"<").Replace(string(rule))
	fixed := strings.Replace(string(b), string(rule), string(rule)+"\n  "+extra, 1)
	if err := os.WriteFile(p, []byte(fixed), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}
