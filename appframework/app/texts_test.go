// SPDX-License-Identifier: MIT

package app_test

import (
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// TestTextsMissingLanguage looks texts up in a language the app lacks: the
// map gives a nil *Texts, which callers such as lint use without checking.
func TestTextsMissingLanguage(t *testing.T) {
	t.Parallel()
	a, err := app.Load(miniApp(layout(`{"id": "a1", "type": "Input"}`), map[string]string{
		"App/config/texts/resource.nb.json": `{"language": "nb", "resources": [{"id": "tittel", "value": "Tittel"}]}`,
	}), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, id string
		want     string
		ok       bool
	}{
		{"nb", "tittel", "Tittel", true},
		{"nb", "finst-ikkje", "", false},
		{"en", "tittel", "", false}, // no resource.en.json
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.id, func(t *testing.T) {
			t.Parallel()
			r, ok := a.Texts[tt.lang].Get(tt.id)
			if ok != tt.ok || r.Value != tt.want {
				t.Errorf("Get = %q %v, want %q %v", r.Value, ok, tt.want, tt.ok)
			}
			if _, ok := a.Texts[tt.lang].Text(tt.id); ok != tt.ok {
				t.Errorf("Text ok = %v, want %v", ok, tt.ok)
			}
		})
	}
}
