// SPDX-License-Identifier: MIT

package expr

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// nestReplace wraps s in levels of stringReplace that turn each "a" into ten.
func nestReplace(s string, levels int) string {
	for range levels {
		s = `["stringReplace", ` + s + `, "a", "aaaaaaaaaa"]`
	}
	return s
}

// TestOutputLimits builds results that grow exponentially with the size of
// the expression: each must fail with ErrInvalidArgument once it passes
// maxListLen items or maxStringLen bytes, and succeed below.
func TestOutputLimits(t *testing.T) {
	t.Parallel()
	doubling := func(step string, n int) string {
		return strconv.Quote("@" + strings.Repeat(step, n))
	}
	kilo := strconv.Quote(strings.Repeat("x", 1000))
	tests := []struct {
		name, in string
		wantErr  bool
		wantLen  int // list items or string bytes of a successful result
	}{
		// 2^20 items from a 201-character query.
		{"jmespath flatten", `["jmespath", ["list", 1], ` + doubling(" | [@,@][]", 20) + `]`, true, 0},
		{"jmespath flatten below", `["jmespath", ["list", 1], ` + doubling(" | [@,@][]", 16) + `]`, false, 1 << 16},
		// Lists of two that share their halves: 2^18 leaves.
		{"jmespath nested", `["jmespath", 1, ` + doubling(" | [@,@]", 18) + `]`, true, 0},
		{"jmespath nested below", `["jmespath", 1, ` + doubling(" | [@,@]", 10) + `]`, false, 2},
		{"jmespath join", `["jmespath", ` + kilo + `, "join('', ` + strings.Trim(doubling(" | [@,@][]", 11), `"`) + `)"]`, true, 0},
		{"jmespath join below", `["jmespath", ` + kilo + `, "join('', ` + strings.Trim(doubling(" | [@,@][]", 10), `"`) + `)"]`, false, 1 << 10 * 1000},
		{"jmespath to_string", `["jmespath", ` + kilo + `, "to_string(` + strings.Trim(doubling(" | [@,@]", 11), `"`) + `)"]`, true, 0},
		// ×10 per level: 10^7 bytes.
		{"stringReplace", nestReplace(`"aaaaaaaaaa"`, 6), true, 0},
		{"stringReplace below", nestReplace(`"aaaaaaaaaa"`, 5), false, 1_000_000},
		{"concat", `["concat", ` + nestReplace(`"aaaaaaaaaa"`, 5) + `, ` + nestReplace(`"aaaaaaaaaa"`, 5) + `]`, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.Eval(nil, nil)
			if tt.wantErr {
				if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "too large") {
					t.Errorf("err = %v, want ErrInvalidArgument about a result too large", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := len(got.AsList())
			if s, ok := toText(got); ok && got.kind == KindString {
				n = len(s)
			}
			if n != tt.wantLen {
				t.Errorf("result has length %d, want %d", n, tt.wantLen)
			}
		})
	}
}
