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
	cur, err := d.find(dataType, p)
	if err != nil {
		return Value{}, err
	}
	return FromAny(cur), nil
}

// CountRows implements RowCounter without converting the rows: the number
// of elements of the list at p, 0 when there is none.
func (d *JSONData) CountRows(dataType string, p Path) (int, error) {
	cur, err := d.find(dataType, p)
	if err != nil {
		return 0, err
	}
	switch l := cur.(type) {
	case []any:
		return len(l), nil
	case []Value:
		return len(l), nil
	case Value:
		return len(l.AsList()), nil
	}
	return 0, nil
}

// find walks p in the model of dataType; a miss is nil.
func (d *JSONData) find(dataType string, p Path) (any, error) {
	if dataType == "" {
		dataType = d.Default
	}
	root, ok := d.Models[dataType]
	if !ok {
		return nil, errorf("", ErrNotFound, "data type %s not found", dataType)
	}
	cur := root
	for _, seg := range p {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, nil
		}
		cur, ok = obj[seg.Name]
		if !ok {
			return nil, nil
		}
		if seg.Index >= 0 {
			list, ok := cur.([]any)
			if !ok || seg.Index >= len(list) {
				return nil, nil
			}
			cur = list[seg.Index]
		}
	}
	return cur, nil
}
