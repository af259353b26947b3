// SPDX-License-Identifier: MIT

package render

import (
	"regexp"
	"strings"
	"testing"
)

// TestGroupChoice renders component-library's group-bound checkboxes: the
// rows of the group decide what is checked (a soft-deleted row is not), and
// the inputs post under the component's RowsPrefix name.
func TestGroupChoice(t *testing.T) {
	a := loadApp(t, "component-library")
	r := New()
	row := func(name string, checked bool) map[string]any {
		return map[string]any{"Name": map[string]any{"firstname": name}, "Internal": map[string]any{"isChecked": checked}}
	}
	data := map[string]any{"model": map[string]any{"CheckboxesGroupExample": []any{row("Kari", true), row("Petter", false)}}}
	out, err := r.RenderPage(PageInput{Context: Context{App: a, LayoutSet: "ComponentLayouts", Data: data, Language: "nb", Now: fixedNow},
		Page: "CheckboxesPage", Mode: Edit})
	if err != nil {
		t.Fatal(err)
	}
	checked := regexp.MustCompile(`<input[^>]*name="_rows:CheckboxesPage-Checkboxes2"[^>]*value="([^"]+)"[^>]* checked`)
	var got []string
	for _, m := range checked.FindAllStringSubmatch(string(out), -1) {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != "Kari" {
		t.Errorf("checked %v, want [Kari]", got)
	}
	if !strings.Contains(string(out), `type="hidden" name="_rows:CheckboxesPage-Checkboxes2" value=""`) {
		t.Error("no hidden empty value: unchecking every box could not be posted")
	}
}

// TestGroupChoiceSummary shows the chosen rows of a group-bound choice in
// a summary by their labels; before, it read "not answered".
func TestGroupChoiceSummary(t *testing.T) {
	a := loadApp(t, "component-library")
	r := New()
	row := func(name string, checked bool) map[string]any {
		return map[string]any{"Name": map[string]any{"firstname": name}, "Internal": map[string]any{"isChecked": checked}}
	}
	data := map[string]any{"model": map[string]any{"MultiselectGroupExample": []any{row("Kari", true), row("Johanne", false), row("Petter", true)}}}
	out, err := r.RenderPage(PageInput{Context: Context{App: a, LayoutSet: "ComponentLayouts", Data: data, Language: "nb", Now: fixedNow},
		Page: "MultipleSelectPage", Mode: Edit})
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(out), `id="MultipleSelectPage-Summary-Component2"`)
	if i < 0 {
		t.Fatal("no summary of the component")
	}
	sum := string(out[i:])
	if j := strings.Index(sum, "</section>"); j > 0 {
		sum = sum[:j]
	}
	if !strings.Contains(sum, "Kari") || !strings.Contains(sum, "Petter") || strings.Contains(sum, "Johanne") {
		t.Errorf("summary lacks the chosen rows or shows the unchecked one:\n%s", sum)
	}
}
