// SPDX-License-Identifier: MIT

package app

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// Texts are the text resources of one language
// (config/texts/resource.<lang>.json).
type Texts struct {
	File     string
	Language string
	// Resources are in file order.
	Resources []TextResource
	byID      map[string]int
}

// TextResource is one text. Value may contain Markdown and {0}, {1}…
// placeholders filled from Variables.
type TextResource struct {
	ID        string              `json:"id"`
	Value     string              `json:"value"`
	Variables []expr.TextVariable `json:"variables,omitempty"`
}

// Text implements expr.TextSource for this language alone.
func (t *Texts) Text(key string) (expr.TextResource, bool) {
	if t == nil {
		return expr.TextResource{}, false
	}
	i, ok := t.byID[key]
	if !ok {
		return expr.TextResource{}, false
	}
	r := t.Resources[i]
	return expr.TextResource{Value: r.Value, Variables: r.Variables}, true
}

// Get returns the resource with id. A nil *Texts, which App.Texts gives for
// a language the app lacks, has no resources.
func (t *Texts) Get(id string) (TextResource, bool) {
	if t == nil {
		return TextResource{}, false
	}
	i, ok := t.byID[id]
	if !ok {
		return TextResource{}, false
	}
	return t.Resources[i], true
}

// TextSource returns an expr.TextSource for lang that falls back to nb, as
// Altinn does for a text missing in the user's language, and then to the
// built-in texts of the frontend's standard keys (general.next …).
func (a *App) TextSource(lang string) expr.TextSource {
	if lang == "" {
		lang = "nb"
	}
	return fallbackTexts{a.Texts[lang], a.Texts["nb"], builtinSource(lang), builtinSource("nb")}
}

type fallbackTexts []expr.TextSource

// Text returns the first language that has key.
func (f fallbackTexts) Text(key string) (expr.TextResource, bool) {
	for _, t := range f {
		if r, ok := t.Text(key); ok {
			return r, true
		}
	}
	return expr.TextResource{}, false
}

func (l *loader) loadTexts() {
	dir := l.app.Root + "config/texts"
	for _, name := range l.list(dir, ".json") {
		if !strings.HasPrefix(name, "resource.") {
			continue
		}
		file := join(dir, name)
		data, ok := l.read(file)
		if !ok {
			continue
		}
		var doc struct {
			Language  string         `json:"language"`
			Resources []TextResource `json:"resources"`
		}
		if e := decodeFile(file, data, &doc); e != nil {
			l.p.add(e)
			continue
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(name, "resource."), ".json")
		if doc.Language != "" && doc.Language != lang {
			l.p.issue(Issue{File: file, Pointer: "/language", Severity: "warning", Code: "text-language",
				Message: fmt.Sprintf("language %q differs from the file name's %q; the file name wins", doc.Language, lang)})
		}
		t := &Texts{File: file, Language: lang, Resources: doc.Resources, byID: make(map[string]int, len(doc.Resources))}
		for i, r := range doc.Resources {
			if j, dup := t.byID[r.ID]; dup {
				l.p.issue(Issue{File: file, Pointer: fmt.Sprintf("/resources/%d/id", i), Severity: "warning", Code: "duplicate-text",
					Message: fmt.Sprintf("text %q is also /resources/%d; the last one wins", r.ID, j)})
			}
			t.byID[r.ID] = i
		}
		l.app.Texts[lang] = t
	}
}
