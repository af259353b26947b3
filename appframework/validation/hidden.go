// SPDX-License-Identifier: MIT

package validation

import (
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
	var cleared []string
	for key, shown := range r.bound {
		if shown {
			continue
		}
		dt, field, _ := strings.Cut(key, "|")
		p, err := expr.ParsePath(field)
		if err != nil {
			continue
		}
		if clear(in.Data[dt], p) {
			cleared = append(cleared, key)
		}
	}
	slices.Sort(cleared)
	return cleared, nil
}
