// SPDX-License-Identifier: MIT

package expr

import (
	"errors"
	"testing"
)

// lookupOnly hides JSONData's RowCounter, so CountRows takes the Lookup path.
type lookupOnly struct{ d DataSource }

func (l lookupOnly) Lookup(dataType string, p Path) (Value, error) { return l.d.Lookup(dataType, p) }

func TestCountRows(t *testing.T) {
	data := &JSONData{Default: "m", Models: map[string]any{
		"m": map[string]any{
			"rows":  []any{map[string]any{"inner": []any{1.0, 2.0, 3.0}}, map[string]any{}},
			"one":   "x",
			"empty": []any{},
		},
		"other": map[string]any{"rows": []any{"a"}},
	}}
	tests := []struct {
		name, dataType, path string
		want                 int
		err                  error
	}{
		{"list", "", "rows", 2, nil},
		{"list inside a row", "", "rows[0].inner", 3, nil},
		{"empty list", "", "empty", 0, nil},
		{"not a list", "", "one", 0, nil},
		{"missing", "", "nothing.here", 0, nil},
		{"row out of range", "", "rows[5].inner", 0, nil},
		{"named data type", "other", "rows", 1, nil},
		{"unknown data type", "nope", "rows", 0, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePath(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range []DataSource{data, lookupOnly{data}} {
				n, err := CountRows(src, tt.dataType, p)
				if tt.err != nil {
					if !errors.Is(err, tt.err) {
						t.Fatalf("%T: err %v, want %v", src, err, tt.err)
					}
					continue
				}
				if err != nil || n != tt.want {
					t.Fatalf("%T: CountRows = %d, %v; want %d", src, n, err, tt.want)
				}
			}
		})
	}
}
