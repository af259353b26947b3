// SPDX-License-Identifier: MIT

package diff

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

func optionsSignature(l *app.OptionList) string {
	var b strings.Builder
	for _, o := range l.Options {
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\n", o.Value.String(), o.Label, o.Description, o.HelpText)
	}
	return b.String()
}

// optionLists compares the static code lists of options/.
func (d *differ) optionLists(a, b *app.App) {
	p := match(sortedKeys(a.OptionLists), sortedKeys(b.OptionLists), func(id string, inNew bool) string {
		if inNew {
			return optionsSignature(b.OptionLists[id])
		}
		return optionsSignature(a.OptionLists[id])
	})
	for _, id := range p.added {
		d.add(Added, AreaOptionList, id, "", "", "", "option list %q added (%d options)", id, len(b.OptionLists[id].Options))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaOptionList, id, "", "", "", "option list %q removed", id)
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaOptionList, p.renamed[old], old, "", "", "option list %q renamed to %q", old, p.renamed[old])
	}
	for _, id := range p.both {
		if what := optionChanges(a.OptionLists[id].Options, b.OptionLists[id].Options); len(what) > 0 {
			d.add(Changed, AreaOptionList, id, "", "", "", "option list %q changed: %s", id, strings.Join(what, "; "))
		}
	}
}

// optionChanges describes the options added, removed and relabelled, by
// value, and a new order.
func optionChanges(a, b []expr.Option) []string {
	index := func(os []expr.Option) (map[string]expr.Option, []string) {
		m := map[string]expr.Option{}
		var order []string
		for _, o := range os {
			k := o.Value.String()
			m[k] = o
			order = append(order, k)
		}
		return m, order
	}
	ma, oa := index(a)
	mb, ob := index(b)
	var out []string
	for _, k := range ob {
		if _, ok := ma[k]; !ok {
			out = append(out, "option "+k+" added")
		}
	}
	for _, k := range oa {
		o, ok := mb[k]
		switch {
		case !ok:
			out = append(out, "option "+k+" removed")
		case o.Label != ma[k].Label:
			out = append(out, fmt.Sprintf("label of %s changed from %s to %s", k, short(ma[k].Label), short(o.Label)))
		case o.Description != ma[k].Description || o.HelpText != ma[k].HelpText:
			out = append(out, "description or help of "+k+" changed")
		}
	}
	if len(out) == 0 && strings.Join(oa, "\x00") != strings.Join(ob, "\x00") {
		out = append(out, "options reordered")
	}
	return out
}
