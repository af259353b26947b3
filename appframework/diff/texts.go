// SPDX-License-Identifier: MIT

package diff

import (
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// textTable is every text of an app: key → language → value.
type textTable map[string]map[string]string

func textsOf(a *app.App) textTable {
	t := textTable{}
	for lang, tx := range a.Texts {
		for _, r := range tx.Resources {
			if t[r.ID] == nil {
				t[r.ID] = map[string]string{}
			}
			t[r.ID][lang] = r.Value
		}
	}
	return t
}

// signature is a text's values in every language.
func (t textTable) signature(key string) string {
	var b strings.Builder
	for _, lang := range sortedKeys(t[key]) {
		b.WriteString(lang + "=" + t[key][lang] + "\x00")
	}
	return b.String()
}

// texts compares text keys across languages (added, removed, renamed),
// then each kept key per language.
func (d *differ) texts(a, b *app.App) {
	ta, tb := textsOf(a), textsOf(b)
	p := match(sortedKeys(ta), sortedKeys(tb), func(id string, inNew bool) string {
		if inNew {
			return tb.signature(id)
		}
		return ta.signature(id)
	})
	langs := func(m map[string]string) string { return strings.Join(sortedKeys(m), ", ") }
	for _, id := range p.added {
		d.add(Added, AreaText, id, "", "", "", "text %q added in %s", id, langs(tb[id]))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaText, id, "", "", "", "text %q removed", id)
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaText, p.renamed[old], old, "", "", "text %q renamed to %q", old, p.renamed[old])
	}
	// A language file added or removed whole is one change, not one per text.
	whole := map[string]bool{}
	for _, lang := range sortedKeys(b.Texts) {
		if a.Texts[lang] == nil && len(a.Texts) > 0 {
			whole[lang] = true
			d.add(Added, AreaText, "", "", "", lang, "language %s added with %d texts", lang, len(b.Texts[lang].Resources))
		}
	}
	for _, lang := range sortedKeys(a.Texts) {
		if b.Texts[lang] == nil && len(b.Texts) > 0 {
			whole[lang] = true
			d.add(Removed, AreaText, "", "", "", lang, "language %s removed", lang)
		}
	}
	for _, id := range p.both {
		va, vb := ta[id], tb[id]
		all := sortedKeys(va)
		for _, l := range sortedKeys(vb) {
			if !slices.Contains(all, l) {
				all = append(all, l)
			}
		}
		slices.Sort(all)
		for _, lang := range all {
			if whole[lang] {
				continue
			}
			oldV, inA := va[lang]
			newV, inB := vb[lang]
			switch {
			case !inA:
				d.add(Added, AreaText, id, "", "", lang, "text %q added in %s: %s", id, lang, short(newV))
			case !inB:
				d.add(Removed, AreaText, id, "", "", lang, "text %q removed from %s", id, lang)
			case oldV != newV:
				d.add(Changed, AreaText, id, "", "", lang, "text %q changed in %s: %s → %s", id, lang, short(oldV), short(newV))
			}
		}
	}
}
