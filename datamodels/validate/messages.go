// SPDX-License-Identifier: MIT

package validate

import (
	"fmt"
	"strings"
)

// Languages are the languages messages come in.
var Languages = []string{"nb", "nn", "en"}

// messages holds each code's message per language; {name} is replaced by
// the parameter of that name.
var messages = map[string][3]string{
	"required": {"Feltet må fylles ut.", "Feltet må fyllast ut.", "This field is required."},
	"type": {"Verdien har feil type (forventet {want}).", "Verdien har feil type (venta {want}).",
		"The value has the wrong type (expected {want})."},
	"minLength": {"Verdien må ha minst {limit} tegn.", "Verdien må ha minst {limit} teikn.", "The value must have at least {limit} characters."},
	"maxLength": {"Verdien kan ha høyst {limit} tegn.", "Verdien kan ha høgst {limit} teikn.", "The value can have at most {limit} characters."},
	"pattern":   {"Verdien har ikke gyldig format.", "Verdien har ikkje gyldig format.", "The value does not have a valid format."},
	"enum": {"Verdien er ikke et av de tillatte valgene.", "Verdien er ikkje eitt av dei tillatne vala.",
		"The value is not one of the allowed options."},
	"const":            {"Verdien må være {value}.", "Verdien må vere {value}.", "The value must be {value}."},
	"minimum":          {"Verdien må være minst {limit}.", "Verdien må vere minst {limit}.", "The value must be at least {limit}."},
	"maximum":          {"Verdien kan være høyst {limit}.", "Verdien kan vere høgst {limit}.", "The value can be at most {limit}."},
	"exclusiveMinimum": {"Verdien må være større enn {limit}.", "Verdien må vere større enn {limit}.", "The value must be greater than {limit}."},
	"exclusiveMaximum": {"Verdien må være mindre enn {limit}.", "Verdien må vere mindre enn {limit}.", "The value must be less than {limit}."},
	"multipleOf": {"Verdien kan ha høyst {fractionDigits} desimaler.", "Verdien kan ha høgst {fractionDigits} desimalar.",
		"The value can have at most {fractionDigits} decimals."},
	"totalDigits": {"Verdien kan ha høyst {limit} sifre.", "Verdien kan ha høgst {limit} siffer.", "The value can have at most {limit} digits."},
	"minItems":    {"Det må være minst {limit} rader.", "Det må vere minst {limit} rader.", "There must be at least {limit} rows."},
	"maxItems":    {"Det kan være høyst {limit} rader.", "Det kan vere høgst {limit} rader.", "There can be at most {limit} rows."},
	"format":      {"Verdien er ikke en gyldig {format}.", "Verdien er ikkje ein gyldig {format}.", "The value is not a valid {format}."},
	"xsdType":     {"Verdien er ikke gyldig for typen {type}.", "Verdien er ikkje gyldig for typen {type}.", "The value is not valid for the type {type}."},
	"choiceRequired": {"Fyll ut ett av feltene {options}.", "Fyll ut eitt av felta {options}.",
		"Fill in one of the fields {options}."},
	"choice": {"{name} kan ikke fylles ut sammen med et annet av alternativene.", "{name} kan ikkje fyllast ut saman med eit anna av alternativa.",
		"{name} cannot be filled in together with another of the alternatives."},
	"unknownElement": {"Elementet {name} finnes ikke i datamodellen.", "Elementet {name} finst ikkje i datamodellen.",
		"The element {name} is not in the data model."},
	"unknownAttribute": {"Attributtet {name} finnes ikke i datamodellen.", "Attributtet {name} finst ikkje i datamodellen.",
		"The attribute {name} is not in the data model."},
	"unknownProperty": {"Feltet {name} finnes ikke i datamodellen.", "Feltet {name} finst ikkje i datamodellen.",
		"The field {name} is not in the data model."},
	"elementOrder": {"Elementet {name} står i feil rekkefølge.", "Elementet {name} står i feil rekkjefølgje.",
		"The element {name} is out of order."},
	"sequence": {"Elementene i gruppen med {name} har feil antall eller rekkefølge.", "Elementa i gruppa med {name} har feil tal eller rekkjefølgje.",
		"The elements of the group with {name} have the wrong number or order."},
	"notRepeatable": {"Elementet {name} kan bare forekomme én gang.", "Elementet {name} kan berre førekomme éin gong.",
		"The element {name} may occur only once."},
	"namespace": {"{name} har feil navnerom (forventet {want}).", "{name} har feil namnerom (venta {want}).",
		"{name} is in the wrong namespace (expected {want})."},
	"textNotAllowed": {"Elementet kan ikke inneholde tekst.", "Elementet kan ikkje innehalde tekst.", "The element cannot contain text."},
	"elementsNotAllowed": {"Elementet kan ikke inneholde andre elementer.", "Elementet kan ikkje innehalde andre element.",
		"The element cannot contain other elements."},
	"notNillable": {"Feltet kan ikke være tomt (xsi:nil).", "Feltet kan ikkje vere tomt (xsi:nil).", "The field cannot be nil (xsi:nil)."},
	"nilNotEmpty": {"Et element med xsi:nil må være tomt.", "Eit element med xsi:nil må vere tomt.", "An element with xsi:nil must be empty."},
	"shape": {"Verdien har feil form for datamodellen.", "Verdien har feil form for datamodellen.",
		"The value does not have the shape the data model expects."},
	"invalid": {"Verdien er ugyldig.", "Verdien er ugyldig.", "The value is invalid."},
}

// Message renders the message of code in lang ("nb", "nn" or "en"; others
// fall back to "nb") with params filled in. An unknown code gets the
// generic "invalid" message.
func Message(lang, code string, params map[string]any) string {
	texts, ok := messages[code]
	if !ok {
		texts = messages["invalid"]
	}
	i := 0
	switch lang {
	case "nn":
		i = 1
	case "en":
		i = 2
	}
	s := texts[i]
	for strings.Contains(s, "{") {
		a := strings.IndexByte(s, '{')
		b := strings.IndexByte(s[a:], '}')
		if b < 0 {
			break
		}
		name := s[a+1 : a+b]
		s = s[:a] + paramText(params[name]) + s[a+b+1:]
	}
	return s
}

func paramText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []string:
		return strings.Join(x, ", ")
	case []any:
		parts := make([]string, len(x))
		for i := range x {
			parts[i] = paramText(x[i])
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}
