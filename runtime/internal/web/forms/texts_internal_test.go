// SPDX-License-Identifier: MIT

package forms

import (
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// TestSubmittedAtIsAStatus checks that the "my forms" archive labels a submitted
// form with a status, not with the submit button's imperative: nn once read
// "Send inn" (submit!) where "Sendt inn" (submitted) was meant.
func TestSubmittedAtIsAStatus(t *testing.T) {
	button := (&app.App{}).TextSource
	for lang := range uiTexts {
		t.Run(lang, func(t *testing.T) {
			submit, ok := button(lang).Text("general.submit")
			if !ok || submit.Value == "" {
				t.Fatalf("no built-in general.submit in %s", lang)
			}
			if got := texts(lang).SubmittedAt; got == "" || got == submit.Value {
				t.Errorf("SubmittedAt = %q, the same as the submit button %q", got, submit.Value)
			}
		})
	}
}
