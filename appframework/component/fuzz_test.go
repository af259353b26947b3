// SPDX-License-Identifier: MIT

package component_test

import (
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/appframework/component"
)

// FuzzParseLayout checks that any layout array parses without panicking
// and that every component walks.
func FuzzParseLayout(f *testing.F) {
	f.Add([]byte(`[{"id": "a", "type": "Group", "maxCount": 2, "edit": {"filter": [{"key": "k", "value": "v"}]}, "triggers": ["validation"]}]`))
	f.Add([]byte(`[{"id": "l", "type": "group", "maxCount": 5, "edit": {"mode": "likert"}, "children": ["x"], "dataModelBindings": {"group": "Q"}}, {"id": "x", "type": "Likert", "dataModelBindings": {"simpleBinding": "Q.A"}}]`))
	f.Add([]byte(`[{"id": "c", "type": "Cards", "cards": [{"media": "m", "children": ["a"]}]}, 3, null]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var items []json.RawMessage
		if json.Unmarshal(data, &items) != nil {
			return
		}
		comps, _ := component.ParseLayout(items)
		for _, c := range comps {
			if c != nil {
				c.WalkExprs(func(string, *component.Expr) {})
			}
		}
	})
}
