// SPDX-License-Identifier: MIT

package lint

import (
	"fmt"
	"regexp"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// rowPlaceholder is the row index placeholder of option source paths,
// group[{0}].field, which the frontend fills per row.
var rowPlaceholder = regexp.MustCompile(`\[\{\d+\}\]`)

// optionRef checks where an option-based component gets its options.
func (l *linter) optionRef(set *app.LayoutSet, n *app.Node, o *component.OptionProps) {
	file := n.Page.File
	if id := o.OptionsID; id != "" && l.app.OptionLists[id] == nil && len(o.Options) == 0 {
		l.add(Warning, "option-list-missing", file, n.Pointer+"/optionsId",
			"component %q uses option list %q, which is not in options/; in Altinn a C# IAppOptionsProvider may make it, which does not run here: add options/%s.json or use a code list from an HTTP source", n.ID, id, id)
	}
	for i, opt := range o.Options {
		if opt.Label != "" {
			l.textRefs = append(l.textRefs, textRef{key: opt.Label, file: file, pointer: fmt.Sprintf("%s/options/%d/label", n.Pointer, i)})
		}
	}
	if s := o.Source; s != nil {
		dt := s.DataType
		if dt == "" {
			dt = set.DataType
		}
		for _, f := range []struct{ name, path string }{{"group", s.Group}, {"value", s.Value}} {
			if f.path == "" {
				continue
			}
			p, err := expr.ParsePath(rowPlaceholder.ReplaceAllString(f.path, ""))
			if err != nil {
				l.add(Error, "binding-invalid", file, n.Pointer+"/source/"+f.name, "option source %s %q: %v", f.name, f.path, err)
				continue
			}
			if _, found, known := l.field(dt, p); known && !found {
				l.add(Error, "binding-unknown-field", file, n.Pointer+"/source/"+f.name, "component %q takes options from %q, which data model %s does not have", n.ID, f.path, dt)
			}
		}
	}
}

// options checks the static option lists: duplicate values, and labels
// that are text keys.
func (l *linter) options() {
	for _, id := range sortedKeys(l.app.OptionLists) {
		ol := l.app.OptionLists[id]
		seen := map[string]int{}
		for i, o := range ol.Options {
			key := o.Value.String()
			if j, dup := seen[key]; dup {
				l.add(Warning, "option-duplicate-value", ol.File, fmt.Sprintf("/%d/value", i), "value %s is also option %d; users cannot tell them apart", key, j)
			}
			seen[key] = i
			for _, t := range []struct{ name, v string }{{"label", o.Label}, {"description", o.Description}, {"helpText", o.HelpText}} {
				if t.v != "" {
					l.textRefs = append(l.textRefs, textRef{key: t.v, file: ol.File, pointer: fmt.Sprintf("/%d/%s", i, t.name)})
				}
			}
		}
	}
}
