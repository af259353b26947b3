// SPDX-License-Identifier: MIT

package validation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// RemoveHiddenData clears, in in.Data, every field that hidden components (hidden
// themselves, or by their page, container or row) are bound to and no visible
// component is, and returns the cleared fields as "dataType|path", sorted. Rows of
// repeating groups are kept (their values cleared), so row indices stay stable for
// attachments and references. It needs in.LayoutSet; without one nothing is hidden.
func (v *Validator) RemoveHiddenData(in Input) ([]string, error) {
	if in.LayoutSet == nil {
		return nil, nil
	}
	r := v.newRun(in)
	tree, err := in.LayoutSet.NewTree(r.env)
	if err != nil {
		return nil, fmt.Errorf("validation: layout set %s: %w", in.LayoutSet.ID, err)
	}
	if err := r.required(tree, false); err != nil {
		return nil, err
	}
	// Clear the deepest paths first, so a hidden field inside a hidden list is cleared
	// (and reported) before the list itself, whatever the map order.
	var keys []string
	for key, shown := range r.bound {
		if !shown {
			keys = append(keys, key)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(depth(b), depth(a)), cmp.Compare(a, b))
	})
	var cleared []string
	for _, key := range keys {
		dt, field, _ := strings.Cut(key, "|")
		p, err := expr.ParsePath(field)
		if err != nil {
			continue
		}
		if clearPath(in.Data[dt], p) {
			cleared = append(cleared, key)
		}
	}
	slices.Sort(cleared)
	return cleared, nil
}

// depth counts a field key's path segments.
func depth(key string) int { return strings.Count(key, ".") + strings.Count(key, "[") }
