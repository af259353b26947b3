// SPDX-License-Identifier: MIT

package expr

// JSONData is a DataSource over data models decoded from JSON (map[string]any,
// []any, string, float64 or json.Number, bool, nil), one per data type.
type JSONData struct {
	// Default is the data type used when a lookup names none.
	Default string
	// Models maps a data type to its decoded model root.
	Models map[string]any
}

// Lookup implements DataSource.
func (d *JSONData) Lookup(dataType string, p Path) (Value, error) {
	if dataType == "" {
		dataType = d.Default
	}
	root, ok := d.Models[dataType]
	if !ok {
		return Value{}, errorf("", ErrNotFound, "data type %s not found", dataType)
	}
	cur := root
	for _, seg := range p {
		obj, ok := cur.(map[string]any)
		if !ok {
			return Value{}, nil
		}
		cur, ok = obj[seg.Name]
		if !ok {
			return Value{}, nil
		}
		if seg.Index >= 0 {
			list, ok := cur.([]any)
			if !ok || seg.Index >= len(list) {
				return Value{}, nil
			}
			cur = list[seg.Index]
		}
	}
	return FromAny(cur), nil
}

// Count returns the length of the list at p, or 0 when there is none; the
// component tree uses it to expand repeating groups.
func (d *JSONData) Count(dataType string, p Path) int {
	v, err := d.Lookup(dataType, p)
	if err != nil {
		return 0
	}
	return len(v.AsList())
}
