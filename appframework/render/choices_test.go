// SPDX-License-Identifier: MIT

package render

import (
	"regexp"
	"strings"
	"testing"
)

// TestNoOptionsRequired explains a required Dropdown whose options come from
// a C# provider (expression-validation-test's kjonn): the citizen is told why
// the form cannot be sent, beside the field and linked by aria-describedby.
func TestNoOptionsRequired(t *testing.T) {
	a := loadApp(t, "expression-validation-test")
	r := New()
	n := a.LayoutSets[0].Component("kjonn")
	if n == nil {
		t.Fatal("no component kjonn")
	}
	out, err := r.RenderPage(PageInput{Context: Context{App: a, LayoutSet: a.LayoutSets[0].ID, Data: map[string]any{a.LayoutSets[0].DataType: map[string]any{}},
		Language: "en", Now: fixedNow}, Page: n.Page.ID, Mode: Edit})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	if !strings.Contains(html, `id="kjonn-none"`) || !strings.Contains(html, "there are no options to choose from") {
		t.Errorf("no explanation for the empty required dropdown")
	}
	if !regexp.MustCompile(`<select[^>]*id="kjonn"[^>]*aria-describedby="[^"]*kjonn-none`).MatchString(html) {
		t.Errorf("the explanation is not linked from the select")
	}
}
