// SPDX-License-Identifier: MIT

package validate

import (
	"strconv"
	"strings"
)

// Issue is one validation problem, ready for a form or an API response.
type Issue struct {
	// Pointer is the JSON pointer of the value in the instance (without the
	// root element); "" is the whole instance.
	Pointer string `json:"pointer"`
	// Path is the same place as a binding path ("a.b[0].c"), as layouts
	// bind fields.
	Path string `json:"path"`
	// Code is stable and doubles as the translation key: required, type,
	// maxLength, pattern, enum, totalDigits, format, choice, unknownElement…
	Code string `json:"code"`
	// Params fill in the message: limit, actual, pattern, allowed, format…
	Params map[string]any `json:"params,omitempty"`
	// Message is the issue in the validator's language.
	Message string `json:"message"`
}

// bindingPath turns a JSON pointer into a dotted binding path; numeric
// tokens are array indexes (XML names cannot start with a digit).
func bindingPath(ptr string) string {
	if ptr == "" {
		return ""
	}
	var b strings.Builder
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

func pointerOf(toks []string) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}
