// SPDX-License-Identifier: MIT

package jmespath

import (
	"errors"
	"strings"
	"testing"
)

// TestLimits runs queries that build lists or strings past MaxItems or
// MaxStringLen, and ones just inside the limits.
func TestLimits(t *testing.T) {
	t.Parallel()
	list := func(n int, v any) []any {
		l := make([]any, n)
		for i := range l {
			l[i] = v
		}
		return l
	}
	obj := map[string]any{"a": 1.0}
	big := strings.Repeat("x", MaxStringLen/4)
	tests := []struct {
		name, query string
		data        any
		wantErr     bool
	}{
		{"projection", "[*].a", list(MaxItems+1, obj), true},
		{"projection at the limit", "[*].a", list(MaxItems, obj), false},
		{"flatten", "[]", []any{list(MaxItems/2, 1.0), list(MaxItems/2+1, 1.0)}, true},
		{"flatten at the limit", "[]", []any{list(MaxItems/2, 1.0), list(MaxItems/2, 1.0)}, false},
		{"doubling", "@" + strings.Repeat(" | [@,@][]", 20), []any{1.0}, true},
		{"shared halves", "@" + strings.Repeat(" | [@,@]", 40), 1.0, true},
		{"join", "join('', [@,@,@,@,@])", big, true},
		{"join at the limit", "join('', [@,@,@,@])", big, false},
		{"to_string", "to_string([@,@,@,@,@])", big, true},
		{"to_string of shared halves", "to_string(@" + strings.Repeat(" | [@,@]", 40) + ")", 1.0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = q.Search(tt.data)
			if tt.wantErr != errors.Is(err, ErrTooLarge) || (!tt.wantErr && err != nil) {
				t.Errorf("err = %v, want ErrTooLarge: %v", err, tt.wantErr)
			}
		})
	}
}
