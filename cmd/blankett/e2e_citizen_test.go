// SPDX-License-Identifier: MIT

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// fillComponentLibrary fills every required field of component-library's first
// task from a new instance's first page, submits it, submits the second task
// from its last page and expects the receipt.
func fillComponentLibrary(t *testing.T, b *browser.Browser) {
	t.Helper()
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
	}
	save(func() { b.Fill("#InputPage-Input", "Et kort svar") })
	page("MultipleSelectPage")
	save(func() {
		browser.Eval[bool](b, `(()=>{const s=document.getElementById("MultipleSelectPage-Checkboxes2");`+
			`for(const o of s.options)o.selected=o.value==="Kari";s.dispatchEvent(new Event("change",{bubbles:true}));return true})()`)
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
	if b.Exists("#bl-error-summary") {
		t.Fatalf("the first task did not validate: %s", b.Text("#bl-error-summary"))
	}
	page("RenderSpecificComponentFromPreviousTask")
	if st := b.ClickNav(`button[value="submit"]`); st != 200 || !strings.HasSuffix(b.URL(), "/receipt") {
		t.Fatalf("submit: status %d at %s:\n%s", st, b.URL(), b.Text("main"))
	}
}

// rule2 is the corpus policies' rule letting REGNA and DAGL read and write in Task_1.
var rule2 = regexp.MustCompile(`(?s)<xacml:Rule RuleId="urn:altinn:example:ruleid:2".*?</xacml:Rule>`)

// withTaskWrite copies the app in dir and adds to its policy a copy of the
// Task_1 read/write rule for task: component-library's policy lets nobody write
// in its second task, so as it stands no one may end it, in Altinn as here.
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
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), string(rule), string(rule)+"\n  "+extra, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}
