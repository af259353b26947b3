// SPDX-License-Identifier: MIT

package diff

import (
	"fmt"

	"github.com/blankett/blankett/appframework/app"
)

// Diff lists what changed from app a to app b. Either may be nil, for an
// app that did not exist: everything in the other is then added or removed.
func Diff(a, b *app.App) []Change {
	d := &differ{}
	if a == nil {
		a = empty()
	}
	if b == nil {
		b = empty()
	}
	d.layoutSets(a, b)
	d.texts(a, b)
	d.optionLists(a, b)
	d.models(a, b)
	d.validations(a, b)
	d.dataTypes(a, b)
	d.process(a, b)
	d.policy(a, b)
	d.settings(a, b)
	sortChanges(d.out)
	return d.out
}

// differ collects the changes of one Diff.
type differ struct {
	out []Change
}

func (d *differ) add(kind Kind, area Area, id, oldID, where, lang, format string, args ...any) {
	d.out = append(d.out, Change{Kind: kind, Area: area, ID: id, OldID: oldID, Where: where, Language: lang, Detail: fmt.Sprintf(format, args...)})
}

func empty() *app.App {
	return &app.App{Metadata: &app.Metadata{}, Models: map[string]*app.Model{}, Texts: map[string]*app.Texts{},
		OptionLists: map[string]*app.OptionList{}, Validations: map[string]*app.Validation{}, Calculations: map[string]*app.Calculation{}}
}
