// SPDX-License-Identifier: MIT

package corpusapp

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// rule2 is the corpus policies' rule letting REGNA and DAGL read and write in Task_1.
var rule2 = regexp.MustCompile(`(?s)<xacml:Rule RuleId="urn:altinn:example:ruleid:2".*?</xacml:Rule>`)

// WithTaskWrite copies the app in dir and adds to its policy a copy of the Task_1
// read/write rule for task, returning the copy's directory: component-library's
// policy lets nobody write in its second task, so as it stands no one may end it,
// in Altinn as here.
func WithTaskWrite(t testing.TB, dir, task string) string {
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

// FillComponentLibrary fills every required field of component-library's first
// task from a new instance's first page, waiting for each autosave, picks people
// in the group-bound MultipleSelect, and stops on SummaryPage, before its submit.
// onPage (nil: nothing) runs on each page the fill moves to, after the URL check.
func FillComponentLibrary(t testing.TB, b *browser.Browser, people []string, onPage func()) {
	t.Helper()
	save := func(fill func()) {
		t.Helper()
		browser.Eval[string](b, `document.getElementById("bl-status").textContent = ""`)
		fill()
		b.WaitFor("the autosave", `document.getElementById("bl-status").textContent === "Lagret"`)
	}
	page := func(id string) {
		t.Helper()
		Page(t, b, id)
		if onPage != nil {
			onPage()
		}
	}
	picked := "false"
	for _, p := range people {
		picked += "||o.value===" + strconv.Quote(p)
	}
	save(func() { b.Fill("#InputPage-Input", "Et kort svar") })
	page("MultipleSelectPage")
	save(func() {
		browser.Eval[bool](b, `(()=>{const s=document.getElementById("MultipleSelectPage-Checkboxes2");`+
			`for(const o of s.options)o.selected=`+picked+`;`+
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
}

// Page moves to the form's page id by its navigation button and checks the URL.
func Page(t testing.TB, b *browser.Browser, id string) {
	t.Helper()
	b.ClickNav(`button[value="page:` + id + `"]`)
	if !strings.HasSuffix(b.URL(), "/page/"+id) {
		t.Fatalf("at %s, want page %s:\n%s", b.URL(), id, b.Text("main"))
	}
}
