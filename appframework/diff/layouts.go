// SPDX-License-Identifier: MIT

package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// layoutSets compares the layout sets, then the pages and components of
// each set present in both (after renames).
func (d *differ) layoutSets(a, b *app.App) {
	ids := func(x *app.App) []string {
		var out []string
		for _, s := range x.LayoutSets {
			out = append(out, s.ID)
		}
		return out
	}
	p := match(ids(a), ids(b), func(id string, inNew bool) string {
		if inNew {
			return setSignature(b.LayoutSet(id))
		}
		return setSignature(a.LayoutSet(id))
	})
	for _, id := range p.added {
		s := b.LayoutSet(id)
		d.add(Added, AreaLayoutSet, id, "", "", "", "layout set %q added (%d pages, data type %q)", id, len(s.Pages), s.DataType)
	}
	for _, id := range p.removed {
		d.add(Removed, AreaLayoutSet, id, "", "", "", "layout set %q removed", id)
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaLayoutSet, p.renamed[old], old, "", "", "layout set %q renamed to %q", old, p.renamed[old])
	}
	pairs := map[string]string{}
	for _, id := range p.both {
		pairs[id] = id
	}
	for o, n := range p.renamed {
		pairs[o] = n
	}
	for _, old := range sortedKeys(pairs) {
		sa, sb := a.LayoutSet(old), b.LayoutSet(pairs[old])
		id := sb.ID
		if sa.DataType != sb.DataType {
			d.add(Changed, AreaLayoutSet, id, "", "", "", "layout set %q now uses data type %q instead of %q", id, sb.DataType, sa.DataType)
		}
		if !slices.Equal(sa.Tasks, sb.Tasks) {
			d.add(Changed, AreaLayoutSet, id, "", "", "", "layout set %q is now shown in tasks %v instead of %v", id, sb.Tasks, sa.Tasks)
		}
		if sa.Type != sb.Type {
			d.add(Changed, AreaLayoutSet, id, "", "", "", "layout set %q type changed from %q to %q", id, sa.Type, sb.Type)
		}
		d.pages(sa, sb, len(b.LayoutSets) > 1 || id != "")
	}
}

// setSignature is a layout set's content: its data type and components.
func setSignature(s *app.LayoutSet) string {
	var b strings.Builder
	b.WriteString(s.DataType)
	for _, p := range s.Pages {
		b.WriteString("\x00" + pageSignature(p))
	}
	return b.String()
}

// pageSignature is a page's content: its components as canonical JSON.
func pageSignature(p *app.Page) string {
	var b strings.Builder
	for _, n := range p.Components {
		b.WriteString(canonical(n.Raw))
		b.WriteByte('\n')
	}
	if p.Hidden != nil {
		b.WriteString(canonical(p.Hidden.Raw))
	}
	return b.String()
}

// placeName names a page for sentences, with its set when the app has
// several.
func placeName(set *app.LayoutSet, page string, withSet bool) string {
	if withSet {
		return fmt.Sprintf("page %q of layout set %q", page, set.ID)
	}
	return fmt.Sprintf("page %q", page)
}

// pages compares the pages of two versions of a set, then its components.
func (d *differ) pages(sa, sb *app.LayoutSet, withSet bool) {
	ids := func(s *app.LayoutSet) []string {
		var out []string
		for _, p := range s.Pages {
			out = append(out, p.ID)
		}
		return out
	}
	p := match(ids(sa), ids(sb), func(id string, inNew bool) string {
		if inNew {
			return pageSignature(sb.Page(id))
		}
		return pageSignature(sa.Page(id))
	})
	where := sb.ID
	for _, id := range p.added {
		d.add(Added, AreaPage, id, "", where, "", "%s added with %s", placeName(sb, id, withSet), components(sb.Page(id)))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaPage, id, "", where, "", "%s removed with %s", placeName(sa, id, withSet), components(sa.Page(id)))
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaPage, p.renamed[old], old, where, "", "%s renamed to %q", placeName(sa, old, withSet), p.renamed[old])
	}
	for _, id := range p.both {
		pa, pb := sa.Page(id), sb.Page(id)
		var what []string
		if hidden(pa) != hidden(pb) {
			what = append(what, "when it is hidden")
		}
		if pa.InOrder != pb.InOrder {
			what = append(what, "whether it is in the page order")
		}
		if !slices.Equal(commonOrder(pa, pb), commonOrder(pb, pa)) {
			what = append(what, "its components were reordered")
		}
		if len(what) > 0 {
			d.add(Changed, AreaPage, id, "", where, "", "%s changed: %s", placeName(sb, id, withSet), strings.Join(what, ", "))
		}
	}
	if oa, ob := sa.Settings.PageOrder(), sb.Settings.PageOrder(); !slices.Equal(oa, ob) && len(p.added)+len(p.removed)+len(p.renamed) == 0 {
		d.add(Changed, AreaPage, "", "", where, "", "page order of layout set %q changed from %v to %v", sb.ID, oa, ob)
	}
	d.components(sa, sb, p, withSet)
}

func components(p *app.Page) string {
	if len(p.Components) == 1 {
		return "1 component"
	}
	return fmt.Sprintf("%d components", len(p.Components))
}

func hidden(p *app.Page) string {
	if p.Hidden == nil {
		return ""
	}
	return canonical(p.Hidden.Raw)
}

// components compares the components of two versions of a set. The
// components of added and removed pages are not listed one by one.
func (d *differ) components(sa, sb *app.LayoutSet, pages pairing, withSet bool) {
	pageRenames := pages.renamed
	p := match(sortedKeys(sa.Components), sortedKeys(sb.Components), func(id string, inNew bool) string {
		if inNew {
			return canonical(sb.Components[id].Raw, "id")
		}
		return canonical(sa.Components[id].Raw, "id")
	})
	where := func(n *app.Node) string { return sb.ID + "/" + n.Page.ID }
	for _, id := range p.added {
		n := sb.Components[id]
		if slices.Contains(pages.added, n.Page.ID) {
			continue
		}
		d.add(Added, AreaComponent, id, "", where(n), "", "component %q (%s) added to %s", id, n.Type, placeName(sb, n.Page.ID, withSet))
	}
	for _, id := range p.removed {
		n := sa.Components[id]
		if slices.Contains(pages.removed, n.Page.ID) {
			continue
		}
		d.add(Removed, AreaComponent, id, "", sa.ID+"/"+n.Page.ID, "", "component %q (%s) removed from %s", id, n.Type, placeName(sa, n.Page.ID, withSet))
	}
	for _, old := range sortedKeys(p.renamed) {
		n := sb.Components[p.renamed[old]]
		d.add(Renamed, AreaComponent, n.ID, old, where(n), "", "component %q renamed to %q on %s", old, n.ID, placeName(sb, n.Page.ID, withSet))
	}
	for _, id := range p.both {
		na, nb := sa.Components[id], sb.Components[id]
		if from, to := na.Page.ID, nb.Page.ID; from != to && pageRenames[from] != to {
			d.add(Changed, AreaComponent, id, "", where(nb), "", "component %q moved from %s to %s", id, placeName(sa, from, withSet), placeName(sb, to, withSet))
		}
		if keys := changedKeys(na.Raw, nb.Raw); len(keys) > 0 {
			d.add(Changed, AreaComponent, id, "", where(nb), "", "component %q on %s changed: %s", id, placeName(sb, nb.Page.ID, withSet), strings.Join(keys, ", "))
		}
	}
}

// commonOrder lists the ids of x's components that y also has, in x's order.
func commonOrder(x, y *app.Page) []string {
	has := map[string]bool{}
	for _, n := range y.Components {
		has[n.ID] = true
	}
	var out []string
	for _, n := range x.Components {
		if has[n.ID] {
			out = append(out, n.ID)
		}
	}
	return out
}
