// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/datamodels/metadata"
)

// Stats counts what an app holds.
type Stats struct {
	LayoutSets, Pages, Components, Models int
	Languages                             []string
}

// Stats counts the app's layout sets, pages, components and models.
func (a *App) Stats() Stats {
	s := Stats{LayoutSets: len(a.LayoutSets), Models: len(a.Models), Languages: a.Languages()}
	for _, set := range a.LayoutSets {
		s.Pages += len(set.Pages)
		s.Components += len(set.Components)
	}
	return s
}

// Summary is one line about the app, for logs and test output.
func (a *App) Summary() string {
	s := a.Stats()
	langs := strings.Join(s.Languages, "/")
	if langs == "" {
		langs = "no"
	}
	return fmt.Sprintf("%d layout sets, %d pages, %d components, %d models, %s texts", s.LayoutSets, s.Pages, s.Components, s.Models, langs)
}

// Describe renders the whole normalised model as text, one fact per line,
// for golden files and reviews. It is not meant for parsing.
func (a *App) Describe() string {
	var b strings.Builder
	m := a.Metadata
	fmt.Fprintf(&b, "app %s (root %q, ui %s", m.ID, a.Root, a.Generation)
	if a.LibVersion != "" {
		fmt.Fprintf(&b, ", lib %s", a.LibVersion)
	}
	if a.FrontendMajor != 0 {
		fmt.Fprintf(&b, ", frontend v%d", a.FrontendMajor)
	}
	b.WriteString(")\n")
	for _, d := range m.DataTypes {
		kind := "data"
		if d.IsForm() {
			kind = "form"
		}
		fmt.Fprintf(&b, "datatype %s %s task=%s count=%d..%d types=%s\n", d.ID, kind, d.TaskID, d.MinCount, d.MaxCount, strings.Join(d.AllowedContentTypes, ","))
	}
	for _, name := range sortedKeys(a.Models) {
		md := a.Models[name]
		src := "schema.json"
		if md.Converted {
			src = "xsd→json"
		}
		n := 0
		md.Fields.Walk(func(*metadata.FieldInfo) { n++ })
		fmt.Fprintf(&b, "model %s from %s root=%s fields=%d\n", name, src, md.Fields.Root, n)
	}
	for _, lang := range a.Languages() {
		fmt.Fprintf(&b, "texts %s %d\n", lang, len(a.Texts[lang].Resources))
	}
	for _, id := range sortedKeys(a.OptionLists) {
		fmt.Fprintf(&b, "options %s %d\n", id, len(a.OptionLists[id].Options))
	}
	for _, dt := range sortedKeys(a.Validations) {
		v := a.Validations[dt]
		rules := 0
		for _, f := range v.Fields {
			rules += len(f.Rules)
		}
		fmt.Fprintf(&b, "validation %s fields=%d rules=%d definitions=%d\n", dt, len(v.Fields), rules, len(v.Definitions))
	}
	for _, dt := range sortedKeys(a.Calculations) {
		fmt.Fprintf(&b, "calculation %s fields=%d\n", dt, len(a.Calculations[dt].Fields))
	}
	fmt.Fprintf(&b, "process %v policy %v\n", a.Process != nil, a.Policy != nil)
	for _, set := range a.LayoutSets {
		fmt.Fprintf(&b, "set %q dataType=%s tasks=%v type=%q pages=%d components=%d\n", set.ID, set.DataType, set.Tasks, set.Type, len(set.Pages), len(set.Components))
		for _, p := range set.Pages {
			flag := ""
			if !p.InOrder {
				flag = " (not in order)"
			}
			if p.Hidden != nil {
				flag += " hidden=" + compact(p.Hidden.Raw)
			}
			fmt.Fprintf(&b, "  page %s%s\n", p.ID, flag)
			for _, n := range p.Top {
				describeNode(&b, n, 2, nil)
			}
		}
	}
	codes := map[string]int{}
	for _, is := range a.Issues {
		codes[is.Severity+" "+is.Code]++
	}
	for _, k := range sortedKeys(codes) {
		fmt.Fprintf(&b, "issues %s %d\n", k, codes[k])
	}
	return b.String()
}

func describeNode(b *strings.Builder, n *Node, depth int, ref *component.ChildRef) {
	fmt.Fprintf(b, "%s%s %s", strings.Repeat("  ", depth), n.ID, n.Type)
	if ref != nil && (ref.Slot != component.InBody || ref.EditPage >= 0) {
		fmt.Fprintf(b, " @%s", slotName(*ref))
	}
	if n.WrittenType != n.Type {
		fmt.Fprintf(b, " (written %s)", n.WrittenType)
	}
	for _, name := range sortedKeys(n.DataModelBindings) {
		fmt.Fprintf(b, " %s=%s", name, n.DataModelBindings[name])
	}
	if len(n.RowGroups()) > 0 {
		fmt.Fprintf(b, " rows=%d", len(n.RowGroups()))
	}
	b.WriteByte('\n')
	for i, c := range n.Children {
		describeNode(b, c, depth+1, &n.Refs[i])
	}
}

func slotName(r component.ChildRef) string {
	switch r.Slot {
	case component.BeforeRows:
		return "rowsBefore"
	case component.AfterRows:
		return "rowsAfter"
	}
	return fmt.Sprintf("editPage%d", r.EditPage)
}

func compact(raw []byte) string {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return string(raw)
	}
	return buf.String()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
