// SPDX-License-Identifier: MIT

package forms_test

import (
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/testenv/browser"
)

// corpusStep is one thing a person does on a corpus app's form.
type corpusStep struct {
	fill, value string // Fill selector with value (autosaves on change)
	wait        string // then wait until the page's text has this
	gone        string // or until it no longer has this
	nav         string // or click this button and wait for the page
}

// TestBrowserCorpusApps runs real corpus apps in Chromium with the script, logged
// in as a DAGL of a seeded organisation acting for it: new instance, fields that
// autosave, a type error and an expression validation shown and fixed through
// swaps, page navigation, a blocking validation error on submit with its summary
// link followed, a subform entry added, refused closing and closed, "my forms"
// and a language switch; axe on every page.
func TestBrowserCorpusApps(t *testing.T) {
	tests := []struct {
		app   string
		steps []corpusStep
	}{
		{"expression-validation-test", []corpusStep{
			{fill: "#fornavn", value: "Kari", wait: "Lagret"},
			{fill: "#alder", value: "abc", wait: "Skriv inn et tall"},
			{fill: "#alder", value: "16", wait: "Kandidater under 18 år må ha foresattes skriftlige samtykke"},
			{fill: "#alder", value: "30", gone: "Kandidater under 18 år"},
			{nav: `button[value="submit"]`, wait: "summary"},
			{nav: `.ds-error-summary a`},
			{nav: `button[value="next"]`},
		}},
		{"multiple-datamodels-test", []corpusStep{
			{fill: "#Input-bhWSyO", value: "Hei fra modell 1", wait: "Lagret"},
			{fill: "#Address-xdZ7PE-address", value: "Storgata 1", wait: "Lagret"},
			{nav: `button[value="next"]`},
			{nav: `button[value="page:Side6"]`},
			{nav: `button[value="submit"]`, wait: "summary"},
			{nav: `.ds-error-summary a[href*="Side1"]`},
			{fill: "#Input-aWlSF3", value: "Hei fra modell 2", wait: "Lagret"},
		}},
		{"subform-test", []corpusStep{
			{fill: "#Input-Name", value: "Kari", wait: "Lagret"},
			{nav: `button[value="addSubform:subform-mopeder"]`},
			{fill: "#moped-regno", value: "AB12345", wait: "Lagret"},
			{nav: `button[value="custom:subform-moped-exitButton"]`, wait: "summary"},
			{fill: "#moped-merke", value: "Vespa", wait: "Lagret"},
			{fill: "#moped-modell", value: "GTS", wait: "Lagret"},
			{fill: "#moped-extrainfo-data", value: "Rød", wait: "Lagret"},
			{fill: "#moped-produksjonsaar", value: "2019", wait: "Lagret"},
			{nav: `button[value="custom:subform-moped-exitButton"]`, wait: "AB12345"},
		}},
		{"component-library", []corpusStep{
			{fill: "#InputPage-Input", value: "Et kort svar", wait: "Lagret"},
			{nav: `button[value="next"]`},
			{nav: `button[value="page:RepeatingGroupPage"]`},
			{nav: `button[value="page:SummaryPage"]`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.app, func(t *testing.T) {
			start := time.Now()
			base := newServerApps(t, corpusApp(t, tt.app))
			b := browser.New(t)
			home := base + "/ttd/" + tt.app + "/"
			browserLogin(t, b, home, olaPID, bakeriParty)
			b.Axe()
			b.ClickNav(`form[action$="/new"] button`)
			form := strings.TrimPrefix(b.URL(), base)
			if !strings.Contains(form, "/instance/") {
				t.Fatalf("new instance at %s", b.URL())
			}
			b.Axe()
			for i, s := range tt.steps {
				switch {
				case s.fill != "":
					browser.Eval[string](b, `document.getElementById("bl-status").textContent = ""`)
					b.Fill(s.fill, s.value)
				case s.nav != "":
					b.ClickNav(s.nav)
				}
				switch {
				case s.wait == "summary":
					b.WaitVisible(".ds-error-summary")
				case s.wait == "Lagret":
					b.WaitFor("the autosave", `document.getElementById("bl-status").textContent === "Lagret"`)
				case s.wait != "":
					b.WaitFor(s.wait, has(s.wait))
				case s.gone != "":
					b.WaitFor(s.gone+" to go", "!"+has(s.gone))
				}
				if s.nav != "" || i == len(tt.steps)-1 {
					b.Axe()
				}
			}
			b.ClickNav(`#bl-menu a`)
			if !b.Exists(`#bl-drafts a[href="` + strings.SplitN(form, "/page/", 2)[0] + `"]`) {
				t.Errorf("my forms lacks the draft %s:\n%s", form, b.Text("main"))
			}
			b.Axe()
			b.ClickNav(`#bl-drafts a`)
			b.ClickNav(`#bl-lang a[lang="en"]`)
			if lang := browser.Eval[string](b, `document.documentElement.lang`); lang != "en" {
				t.Errorf("lang %q after the switch", lang)
			}
			b.Axe()
			checkConsole(t, b)
			t.Logf("E2E %s: %s", tt.app, time.Since(start).Round(time.Millisecond))
		})
	}
}
