// SPDX-License-Identifier: MIT

package lint

import (
	"slices"
	"strings"
	"unicode"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// textRef is one place that names a text resource.
type textRef struct {
	key, file, pointer string
	// sure is true where the value can only be a key (["text", key]); a
	// textResourceBindings value or an option label may be literal text.
	sure bool
}

// textExpr records a textResourceBindings value that is a plain string.
func (l *linter) textExpr(file, pointer string, e *component.Expr) {
	if v, ok := e.Literal(); ok && v.AsString() != "" {
		l.textRefs = append(l.textRefs, textRef{key: v.AsString(), file: file, pointer: pointer})
	}
}

// texts reports text keys missing in every language, and keys that some
// languages have and others lack, once per key and language. A value that
// no language has is a key only if it looks like one (see looksLikeKey):
// Altinn shows any other string as literal text.
func (l *linter) texts() {
	langs := l.app.Languages()
	if len(langs) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, r := range l.textRefs {
		var missing []string
		for _, lang := range langs {
			if _, ok := l.app.Texts[lang].Get(r.key); !ok {
				missing = append(missing, lang)
			}
		}
		switch {
		case len(missing) == 0:
		case len(missing) == len(langs):
			if (r.sure || looksLikeKey(r.key)) && !builtinText(r.key) {
				l.add(Warning, "text-missing", r.file, r.pointer, "text %q is in no language file, so its key is shown", r.key)
			}
		default:
			for _, lang := range missing {
				if k := r.key + "\x00" + lang; !seen[k] {
					seen[k] = true
					fallback := "the nb text is shown instead"
					if slices.Contains(missing, "nb") {
						fallback = "the key is shown instead"
					}
					t := l.app.Texts[lang]
					l.add(Warning, "text-missing-language", t.File, "/resources", "text %q (used at %s#%s) is missing in %s; %s", r.key, r.file, r.pointer, lang, fallback)
				}
			}
		}
	}
}

// looksLikeKey tells a text key from literal text: one word with a letter
// and nothing URL-like, with a dot or underscore (some.key, page_title) or
// all lower case with a hyphen (dato-short). "E-post" and "Rad-nummer" are
// words, not keys.
func looksLikeKey(s string) bool {
	if s == "" || strings.ContainsAny(s, "/:@?=") || strings.HasSuffix(s, ".") {
		return false
	}
	letter, upper := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
		upper = upper || unicode.IsUpper(r)
	}
	return letter && (strings.ContainsAny(s, "._") || strings.Contains(s, "-") && !upper)
}

// builtinSections are the first segments of app-frontend's own text keys
// (general.next, confirm.title…), which its language packs supply.
var builtinSections = []string{"general", "form_filler", "confirm", "receipt", "helptext", "instantiate",
	"party_selection", "validation", "validation_errors", "date_picker", "address_component", "navigation",
	"signing", "payment", "group", "likert", "map_component", "iframe_component", "input_components",
	"list_component", "organisation_lookup", "person_lookup", "dropzone", "custom_actions", "instance_selection",
	"pdfPreview", "process_error", "feedback", "language", "language_selection", "form_filler_pdf"}

// builtinText reports whether key is one of app-frontend's own texts.
func builtinText(key string) bool {
	section, _, ok := strings.Cut(key, ".")
	return ok && slices.Contains(builtinSections, section)
}

// textVariables checks the variables of every text: a dataModel.<type>
// source must name a data type, and its key a field of that model
// ("default" is the data type of the layout set showing the text, so only
// the key's existence in some model is checked).
func (l *linter) textVariables() {
	for _, lang := range l.app.Languages() {
		t := l.app.Texts[lang]
		for i, r := range t.Resources {
			for j, v := range r.Variables {
				dt, ok := strings.CutPrefix(v.DataSource, "dataModel.")
				if !ok {
					continue
				}
				ptr := "/resources/" + itoa(i) + "/variables/" + itoa(j)
				if dt != "default" && l.app.Metadata.DataType(dt) == nil {
					l.add(Warning, "text-variable-unknown", t.File, ptr+"/dataSource", "text %q reads data type %q, which does not exist", r.ID, dt)
					continue
				}
				p, err := expr.ParsePath(rowPlaceholder.ReplaceAllString(v.Key, ""))
				if err != nil {
					l.add(Warning, "text-variable-unknown", t.File, ptr+"/key", "text %q: %v", r.ID, err)
					continue
				}
				switch {
				case l.anyModelHas(dt, p):
				case dt == "default":
					l.add(Warning, "text-variable-unknown", t.File, ptr+"/key", "text %q reads %q, which no data model has", r.ID, v.Key)
				default:
					l.add(Warning, "text-variable-unknown", t.File, ptr+"/key", "text %q reads %q, which data model %s does not have", r.ID, v.Key, dt)
				}
			}
		}
	}
}

// anyModelHas reports whether the model of dt (or, for "default", any
// model) has the path; data types without a model are given the benefit of
// the doubt.
func (l *linter) anyModelHas(dt string, p expr.Path) bool {
	if dt != "default" {
		_, found, known := l.field(dt, p)
		return found || !known
	}
	if len(l.models) == 0 {
		return true
	}
	for name := range l.models {
		if _, found, _ := l.field(name, p); found {
			return true
		}
	}
	return false
}
