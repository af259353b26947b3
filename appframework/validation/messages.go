// SPDX-License-Identifier: MIT

package validation

import "strings"

// fieldWord names a field that has no title, inside the required message.
const fieldWord = "field"

// builtIn are the default messages of the built-in checks per language; an app
// overrides "required" per component with textResourceBindings.requiredValidation.
var builtIn = map[string]map[string]string{
	"nb": {
		fieldWord:               "dette feltet",
		CodeRequired:            "Du må fylle ut {0}.",
		CodeTooFewElements:      "Du må laste opp minst {0} vedlegg av typen {1}.",
		CodeTooManyElements:     "Du kan laste opp høyst {0} vedlegg av typen {1}.",
		CodeContentTypeRejected: "Filtypen {0} er ikke tillatt for {1}.",
		CodeElementTooLarge:     "Filen {0} er større enn grensen på {1} MB.",
	},
	"nn": {
		fieldWord:               "dette feltet",
		CodeRequired:            "Du må fylle ut {0}.",
		CodeTooFewElements:      "Du må laste opp minst {0} vedlegg av typen {1}.",
		CodeTooManyElements:     "Du kan laste opp høgst {0} vedlegg av typen {1}.",
		CodeContentTypeRejected: "Filtypen {0} er ikkje tillaten for {1}.",
		CodeElementTooLarge:     "Fila {0} er større enn grensa på {1} MB.",
	},
	"en": {
		fieldWord:               "this field",
		CodeRequired:            "You must fill in {0}.",
		CodeTooFewElements:      "You must upload at least {0} attachments of type {1}.",
		CodeTooManyElements:     "You can upload at most {0} attachments of type {1}.",
		CodeContentTypeRejected: "The file type {0} is not allowed for {1}.",
		CodeElementTooLarge:     "The file {0} is larger than the limit of {1} MB.",
	},
}

// message formats the built-in message code in lang (nb when unknown), replacing {0},
// {1}… with args.
func message(lang, code string, args ...string) string {
	m, ok := builtIn[lang]
	if !ok {
		m = builtIn["nb"]
	}
	s := m[code]
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+string(rune('0'+i))+"}", a)
	}
	return s
}
