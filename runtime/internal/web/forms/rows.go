// SPDX-License-Identifier: MIT

package forms

import (
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
)

// setChoiceRows stores the posted choices of a group-bound Checkboxes or
// MultipleSelect (target is its render.Target) as rows of its group list, as
// Altinn does: a chosen value without a row gets a new one, a row whose value
// was unchosen is removed, or only marked unchecked when the component deletes
// softly. It returns the data type changed and false when nothing applies.
func setChoiceRows(data map[string]any, ls *app.LayoutSet, target string, values []string) (string, bool) {
	t, err := render.ParseTarget(target)
	if err != nil {
		return "", false
	}
	n := ls.Component(t.Component)
	if n == nil {
		return "", false
	}
	gc, ok := render.GroupChoiceOf(n.Component)
	if !ok {
		return "", false
	}
	p, dt, err := groupPath(n, t.Rows)
	if err != nil {
		return "", false
	}
	if dt == "" {
		dt = ls.DataType
	}
	root, ok := data[dt].(map[string]any)
	if !ok {
		return "", false
	}
	obj, name, err := listAt(root, p)
	if err != nil {
		return "", false
	}
	var want []string
	for v := range strings.SplitSeq(postedValue(values), ",") {
		if v != "" && !slices.Contains(want, v) {
			want = append(want, v)
		}
	}
	list, _ := obj[name].([]any)
	kept := list[:0:0]
	seen := map[string]bool{}
	for _, row := range list {
		m, ok := row.(map[string]any)
		if !ok {
			continue
		}
		v, _ := storedAt(m, gc.Value).(string)
		chosen := v != "" && slices.Contains(want, v) && !seen[v]
		switch {
		case chosen:
			seen[v] = true
			if len(gc.Checked) > 0 {
				_ = setPath(m, gc.Checked, true)
			}
		case gc.Soft && v != "":
			_ = setPath(m, gc.Checked, false)
		default:
			continue
		}
		kept = append(kept, m)
	}
	for _, v := range want {
		if seen[v] {
			continue
		}
		m := map[string]any{}
		_ = setPath(m, gc.Value, v)
		if len(gc.Checked) > 0 {
			_ = setPath(m, gc.Checked, true)
		}
		kept = append(kept, m)
	}
	if len(kept) == 0 {
		delete(obj, name)
	} else {
		obj[name] = kept
	}
	return dt, true
}
