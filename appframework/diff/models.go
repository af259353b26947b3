// SPDX-License-Identifier: MIT

package diff

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/metadata"
)

// models compares the data models by name, and the fields of each model
// present in both.
func (d *differ) models(a, b *app.App) {
	names := sortedKeys(a.Models)
	for _, n := range sortedKeys(b.Models) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		ma, mb := a.Models[name], b.Models[name]
		switch {
		case ma == nil || ma.Fields == nil:
			if mb != nil && mb.Fields != nil {
				d.add(Added, AreaField, "", "", name, "", "data model %q added (%d fields)", name, count(mb.Fields.Fields))
			}
		case mb == nil || mb.Fields == nil:
			d.add(Removed, AreaField, "", "", name, "", "data model %q removed", name)
		default:
			d.fields(name, ma.Fields, mb.Fields)
		}
	}
}

func count(fs []*metadata.FieldInfo) int {
	n := 0
	for _, f := range fs {
		n += 1 + count(f.Children)
	}
	return n
}

// fieldPlace is a field with its parent path and position among siblings.
type fieldPlace struct {
	f      *metadata.FieldInfo
	parent string
	pos    int
}

func places(m *metadata.Model) []fieldPlace {
	var out []fieldPlace
	var walk func(parent string, fs []*metadata.FieldInfo)
	walk = func(parent string, fs []*metadata.FieldInfo) {
		for i, f := range fs {
			out = append(out, fieldPlace{f, parent, i})
			walk(f.Path, f.Children)
		}
	}
	walk("", m.Fields)
	return out
}

// fields compares two field trees parents first, so a group's rename
// carries its subtree (see the package documentation).
func (d *differ) fields(model string, ma, mb *metadata.Model) {
	pa, pb := places(ma), places(mb)
	byPath := map[string]fieldPlace{}
	for _, p := range pb {
		byPath[p.f.Path] = p
	}
	used := map[string]bool{}
	renamed := map[string]string{} // old path → new path, for groups' subtrees
	mapPath := func(path string) string {
		best := ""
		for old := range renamed {
			if (path == old || strings.HasPrefix(path, old+".")) && len(old) > len(best) {
				best = old
			}
		}
		if best == "" {
			return path
		}
		return renamed[best] + strings.TrimPrefix(path, best)
	}
	gone := map[string]bool{}
	for _, p := range pa {
		if gone[p.parent] {
			gone[p.f.Path] = true
			continue
		}
		mapped := mapPath(p.f.Path)
		if q, ok := byPath[mapped]; ok && !used[mapped] {
			used[mapped] = true
			d.fieldChanged(model, p.f, q.f)
			continue
		}
		parent := mapPath(p.parent)
		var cand *fieldPlace
		for i := range pb {
			q := &pb[i]
			if !used[q.f.Path] && q.parent == parent && q.pos == p.pos && q.f.Kind == p.f.Kind && q.f.Type == p.f.Type && q.f.Repeating == p.f.Repeating {
				if _, kept := fieldIn(pa, q.f.Path); !kept {
					cand = q
				}
				break
			}
		}
		if cand != nil {
			used[cand.f.Path] = true
			renamed[p.f.Path] = cand.f.Path
			d.add(Renamed, AreaField, cand.f.Path, p.f.Path, model, "", "field %q renamed to %q in data model %q", p.f.Path, cand.f.Path, model)
			d.fieldChanged(model, p.f, cand.f)
			continue
		}
		gone[p.f.Path] = true
		d.add(Removed, AreaField, p.f.Path, "", model, "", "field %q removed from data model %q%s", p.f.Path, model, subtree(p.f))
	}
	added := map[string]bool{}
	for _, q := range pb {
		if used[q.f.Path] || added[q.parent] {
			added[q.f.Path] = added[q.parent] || !used[q.f.Path]
			continue
		}
		added[q.f.Path] = true
		d.add(Added, AreaField, q.f.Path, "", model, "", "field %q (%s) added to data model %q%s", q.f.Path, typeName(q.f), model, subtree(q.f))
	}
}

func fieldIn(ps []fieldPlace, path string) (fieldPlace, bool) {
	for _, p := range ps {
		if p.f.Path == path {
			return p, true
		}
	}
	return fieldPlace{}, false
}

func subtree(f *metadata.FieldInfo) string {
	if n := count(f.Children); n > 0 {
		return fmt.Sprintf(" with its %d fields", n)
	}
	return ""
}

func typeName(f *metadata.FieldInfo) string {
	t := f.Type
	if f.Kind == metadata.Group {
		t = "group"
	}
	if f.Repeating {
		t = "repeating " + t
	}
	return t
}

// fieldChanged reports what changed in a kept or renamed field itself.
func (d *differ) fieldChanged(model string, a, b *metadata.FieldInfo) {
	var what []string
	if typeName(a) != typeName(b) {
		what = append(what, fmt.Sprintf("type %s → %s", typeName(a), typeName(b)))
	}
	if (a.MinOccurs > 0) != (b.MinOccurs > 0) {
		what = append(what, map[bool]string{true: "now required", false: "now optional"}[b.MinOccurs > 0])
	}
	if a.MaxOccurs != b.MaxOccurs && a.Repeating && b.Repeating {
		what = append(what, fmt.Sprintf("max count %d → %d", a.MaxOccurs, b.MaxOccurs))
	}
	ra, _ := json.Marshal(a.Restrictions)
	rb, _ := json.Marshal(b.Restrictions)
	if string(ra) != string(rb) {
		what = append(what, "restrictions changed")
	}
	if len(what) > 0 {
		d.add(Changed, AreaField, b.Path, "", model, "", "field %q in data model %q changed: %s", b.Path, model, strings.Join(what, ", "))
	}
}
