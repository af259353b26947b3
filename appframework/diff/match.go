// SPDX-License-Identifier: MIT

package diff

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// pairing is the result of matching the ids of two versions.
type pairing struct {
	added, removed []string
	// renamed maps old id → new id.
	renamed map[string]string
	// both are the ids in both versions, sorted.
	both []string
}

// match compares two id sets. sig gives an item's content without its id
// (in the version named by the bool: false old, true new); ids whose
// signatures are unique among the removed and among the added are renames.
func match(old, new []string, sig func(id string, inNew bool) string) pairing {
	p := pairing{renamed: map[string]string{}}
	inOld, inNew := map[string]bool{}, map[string]bool{}
	for _, id := range old {
		inOld[id] = true
	}
	for _, id := range new {
		inNew[id] = true
	}
	for _, id := range old {
		if inNew[id] {
			p.both = append(p.both, id)
		} else {
			p.removed = append(p.removed, id)
		}
	}
	for _, id := range new {
		if !inOld[id] {
			p.added = append(p.added, id)
		}
	}
	slices.Sort(p.both)
	slices.Sort(p.added)
	slices.Sort(p.removed)
	if sig == nil || len(p.added) == 0 || len(p.removed) == 0 {
		return p
	}
	count := func(ids []string, inNew bool) map[string][]string {
		m := map[string][]string{}
		for _, id := range ids {
			s := sig(id, inNew)
			m[s] = append(m[s], id)
		}
		return m
	}
	olds, news := count(p.removed, false), count(p.added, true)
	for s, ids := range olds {
		if len(ids) == 1 && len(news[s]) == 1 && s != "" {
			p.renamed[ids[0]] = news[s][0]
		}
	}
	p.removed = slices.DeleteFunc(p.removed, func(id string) bool { _, ok := p.renamed[id]; return ok })
	p.added = slices.DeleteFunc(p.added, func(id string) bool { return slices.Contains(mapValues(p.renamed), id) })
	return p
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// canonical re-encodes JSON with sorted keys and no spacing; without is a
// top-level key to leave out (such as "id"). Invalid JSON is returned as is.
func canonical(raw []byte, without ...string) string {
	if len(bytes.TrimSpace(raw)) == 0 {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	if m, ok := v.(map[string]any); ok {
		for _, k := range without {
			delete(m, k)
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return string(raw)
	}
	return string(b)
}

// changedKeys lists the top-level keys whose values differ between two
// JSON objects, sorted.
func changedKeys(a, b []byte) []string {
	var ma, mb map[string]json.RawMessage
	_ = json.Unmarshal(a, &ma)
	_ = json.Unmarshal(b, &mb)
	var out []string
	for k, v := range ma {
		if w, ok := mb[k]; !ok || canonical(v) != canonical(w) {
			out = append(out, k)
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// short renders a value for a sentence, cut at 60 characters.
func short(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return strconv.Quote(s)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
