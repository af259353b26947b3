// SPDX-License-Identifier: MIT

package xsdequal

import (
	"fmt"
	"sort"

	"github.com/blankett/blankett/datamodels/xsd"
)

// Diff returns the first structural difference between want and got, as a
// path and what differs there, or "" when they are equivalent. Only the
// main documents are compared; includes appear as include items.
func Diff(want, got *xsd.Set) string {
	return diff("", schema(want.Main), schema(got.Main))
}

func diff(path string, a, b *cnode) string {
	here := path + "/" + a.label
	if a.label != b.label {
		return fmt.Sprintf("%s: want %s, got %s", here, a.label, b.label)
	}
	keys := map[string]bool{}
	for k := range a.attrs {
		keys[k] = true
	}
	for k := range b.attrs {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		av, aok := a.attrs[k]
		bv, bok := b.attrs[k]
		if aok != bok || av != bv {
			return fmt.Sprintf("%s: %s: want %s, got %s", here, k, show(av, aok), show(bv, bok))
		}
	}
	for i := 0; i < len(a.kids) && i < len(b.kids); i++ {
		if d := diff(here, a.kids[i], b.kids[i]); d != "" {
			return d
		}
	}
	switch {
	case len(a.kids) > len(b.kids):
		return fmt.Sprintf("%s: missing %s", here, a.kids[len(b.kids)].label)
	case len(b.kids) > len(a.kids):
		return fmt.Sprintf("%s: extra %s", here, b.kids[len(a.kids)].label)
	}
	return ""
}

func show(v string, ok bool) string {
	if !ok {
		return "(absent)"
	}
	return fmt.Sprintf("%q", v)
}
