// SPDX-License-Identifier: MIT

package app

import (
	"fmt"

	"github.com/blankett/blankett/appframework/expr"
)

// OptionList is a static code list, options/<id>.json: an array of
// {value, label, description?, helpText?}; labels may be text keys.
type OptionList struct {
	ID      string
	File    string
	Options []expr.Option
}

// Options implements expr.OptionSource over the app's static code lists.
// Lists made by C# providers are not known here and report false.
func (a *App) Options(id string) ([]expr.Option, bool) {
	l, ok := a.OptionLists[id]
	if !ok {
		return nil, false
	}
	return l.Options, true
}

func (l *loader) loadOptions() {
	l.eachJSON(l.app.Root+"options", func(id, file string, data []byte) {
		var items []struct {
			Value       expr.Value `json:"value"`
			Label       string     `json:"label"`
			Description string     `json:"description"`
			HelpText    string     `json:"helpText"`
		}
		if e := decodeFile(file, data, &items); e != nil {
			l.p.add(e)
			return
		}
		ol := &OptionList{ID: id, File: file}
		for i, it := range items {
			if it.Label == "" {
				l.p.issue(Issue{File: file, Pointer: fmt.Sprintf("/%d/label", i), Severity: "warning", Code: "option-label",
					Message: "option without label"})
			}
			ol.Options = append(ol.Options, expr.Option{Value: it.Value, Label: it.Label, Description: it.Description, HelpText: it.HelpText})
		}
		l.app.OptionLists[ol.ID] = ol
	})
}
