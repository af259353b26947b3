// SPDX-License-Identifier: MIT

package render

import (
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/component"
)

func TestUIStrings(t *testing.T) {
	t.Parallel()
	for _, lang := range uiLanguages {
		if got := len(uiText[lang]); got != int(uiNoOptionsRequired)+1 {
			t.Errorf("%s has %d strings, want %d", lang, got, int(uiNoOptionsRequired)+1)
		}
	}
	for _, tc := range []struct{ in, want string }{{"nb", "nb"}, {"nn", "nn"}, {"en", "en"}, {"no", "nb"}, {"se", "nb"}, {"", "nb"}} {
		if got := uiLang(tc.in); got != tc.want {
			t.Errorf("uiLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestA11yChecker(t *testing.T) {
	t.Parallel()
	const h1 = `<h1>Tittel</h1>`
	for _, tc := range []struct {
		name, html, want string
	}{
		{"ok", h1 + `<label for="a">A</label><input id="a">`, ""},
		{"no h1", `<h2>x</h2>`, "0 h1"},
		{"two h1", h1 + h1, "2 h1"},
		{"skipped level", h1 + `<h3>x</h3>`, "skips a level"},
		{"duplicate id", h1 + `<p id="x"></p><p id="x"></p>`, "duplicate id"},
		{"no label", h1 + `<input id="a">`, "has no label"},
		{"label for missing", h1 + `<label for="b">B</label>`, "label for missing"},
		{"describedby missing", h1 + `<label for="a">A</label><input id="a" aria-describedby="m">`, "missing id"},
		{"radio outside fieldset", h1 + `<input type="radio" id="r"><label for="r">R</label>`, "not in a fieldset"},
		{"invalid without message", h1 + `<label for="a">A</label><input id="a" aria-invalid="true">`, "not described by a message"},
		{"required without text", h1 + `<label for="a">A</label><input id="a" required>`, "does not say so"},
		{"empty button", h1 + `<button></button>`, "without text"},
		{"img without alt", h1 + `<img src="x">`, "without alt"},
		{"fieldset without legend", h1 + `<fieldset id="f"></fieldset>`, "without legend"},
		{"summary link", h1 + `<div class="ds-error-summary"><h2>Feil</h2><a href="#nope">x</a></div>`, "missing id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(a11yProblems(tc.html), "; ")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("a11yProblems = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNumberFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		f    *component.Formatting
		lang string
		in   string
		want string
	}{
		{"none", nil, "nb", "1234.5", "1234.5"},
		{"separators", &component.Formatting{Number: []byte(`{"thousandSeparator": " ", "decimalSeparator": ",", "prefix": "NOK "}`)}, "nb", "1234567.5", "NOK 1 234 567,5"},
		{"scale", &component.Formatting{Number: []byte(`{"thousandSeparator": true, "decimalScale": 2}`)}, "en", "-1234.5", "-1,234.50"},
		{"currency nb", &component.Formatting{Currency: "NOK"}, "nb", "1500", "1\u00a0500,00 kr"},
		{"currency en", &component.Formatting{Currency: "NOK"}, "en", "1500", "NOK 1,500.00"},
		{"unit", &component.Formatting{Unit: "kg"}, "nb", "12", "12 kg"},
		{"not a number", &component.Formatting{Unit: "kg"}, "nb", "tolv", "tolv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := numberFormat(tc.f, tc.lang).format(tc.in); got != tc.want {
				t.Errorf("format(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, format, want string }{
		{"2024-05-17", "", "17.05.2024"},
		{"2024-05-17T12:00:00Z", "dd/MM/yyyy", "17/05/2024"},
		{"2024-05-17", "YYYY-MM-DD", "2024-05-17"},
		{"i morgen", "", "i morgen"},
	} {
		if got := formatDate(tc.in, tc.format); got != tc.want {
			t.Errorf("formatDate(%q, %q) = %q, want %q", tc.in, tc.format, got, tc.want)
		}
	}
}

func TestParseListChoice(t *testing.T) {
	t.Parallel()
	got, err := ParseListChoice("Person.Navn=Kari&modell2%3AAlder=40")
	if err != nil {
		t.Fatal(err)
	}
	if got["Person.Navn"] != "Kari" || got["modell2:Alder"] != "40" || len(got) != 2 {
		t.Errorf("ParseListChoice = %v", got)
	}
	for _, bad := range []string{"_action=x", "a..b=1", "%zz"} {
		if _, err := ParseListChoice(bad); err == nil {
			t.Errorf("ParseListChoice(%q) succeeded", bad)
		}
	}
}
