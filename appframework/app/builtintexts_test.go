// SPDX-License-Identifier: MIT

package app_test

import (
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// TestBuiltinTexts looks up the frontend's standard keys through an app's
// text source: the app's own text wins, a missing one falls back to
// Blankett's wording in the user's language, an unknown key stays missing.
func TestBuiltinTexts(t *testing.T) {
	t.Parallel()
	a, err := app.Load(miniApp(layout(`{"id": "a1", "type": "Input"}`), map[string]string{
		"App/config/texts/resource.nb.json": `{"language": "nb", "resources": [{"id": "general.submit", "value": "Send søknaden"}]}`,
	}), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, key, want string
		ok              bool
	}{
		{"nb", "general.next", "Neste", true},
		{"en", "general.next", "Next", true},
		{"nn", "general.back", "Tilbake", true},
		{"se", "general.cancel", "Avbryt", true}, // no built-in Northern Sami: nb
		{"nb", "general.submit", "Send søknaden", true},
		{"en", "general.submit", "Send søknaden", true}, // the app's nb text beats the built-in en
		{"nb", "general.no-such-key", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.key, func(t *testing.T) {
			t.Parallel()
			r, ok := a.TextSource(tt.lang).Text(tt.key)
			if ok != tt.ok || r.Value != tt.want {
				t.Errorf("Text = %q %v, want %q %v", r.Value, ok, tt.want, tt.ok)
			}
		})
	}
}
