// SPDX-License-Identifier: MIT

package xsdjson_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// jsonDiff lists the JSON pointers at which two decoded JSON values differ,
// ignoring object key order, with a short description of each difference.
func jsonDiff(path string, got, want any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %s, want object", pointer(path), short(got))}
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		var out []string
		for _, k := range sorted {
			p := path + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
			gv, gok := g[k]
			wv, wok := w[k]
			switch {
			case !gok:
				out = append(out, fmt.Sprintf("%s: missing, want %s", pointer(p), short(wv)))
			case !wok:
				out = append(out, fmt.Sprintf("%s: unexpected %s", pointer(p), short(gv)))
			default:
				out = append(out, jsonDiff(p, gv, wv)...)
			}
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %s, want %s", pointer(path), short(got), short(want))}
		}
		var out []string
		for i := range w {
			out = append(out, jsonDiff(fmt.Sprintf("%s/%d", path, i), g[i], w[i])...)
		}
		return out
	}
	if !reflect.DeepEqual(got, want) {
		return []string{fmt.Sprintf("%s: got %s, want %s", pointer(path), short(got), short(want))}
	}
	return nil
}

func pointer(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

func short(v any) string {
	s := fmt.Sprintf("%v", v)
	if b, err := jsonMarshal(v); err == nil {
		s = string(b)
	}
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
