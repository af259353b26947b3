// SPDX-License-Identifier: MIT

package render

import (
	"strings"
	"testing"
)

// TestFallbackSubmit gives the last page of a layout set without any way to
// end its task a submit button (component-library's second task), and no
// other page one.
func TestFallbackSubmit(t *testing.T) {
	a := loadApp(t, "component-library")
	r := New()
	tests := []struct {
		set, page string
		want      int // submit buttons
	}{
		{"PreviousProcessSummary", "RenderSpecificComponentFromPreviousTask", 1},
		{"PreviousProcessSummary", "RenderPreviousTask", 0},
		{"ComponentLayouts", "SummaryPage", 1}, // its own Button, no second one
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data := map[string]any{"model": map[string]any{}, "model2": map[string]any{}}
			out, err := r.RenderPage(PageInput{Context: Context{App: a, LayoutSet: tt.set, Data: data, Language: "nb", Now: fixedNow},
				Page: tt.page, Mode: Edit})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(string(out), `name="_action" value="submit"`); got != tt.want {
				t.Errorf("%d submit buttons, want %d", got, tt.want)
			}
		})
	}
}
