// SPDX-License-Identifier: MIT

package xmljson

import "testing"

func TestJSONNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		integer  bool
		ok       bool
	}{
		{"0", "0", true, true},
		{"12", "12", true, true},
		{"-7", "-7", true, true},
		{"+0042", "42", true, true},
		{"-0", "0", true, true},
		{"007", "7", true, true},
		{"1.50", "1.50", false, true},
		{"-0.5", "-0.5", false, true},
		{"-.5", "-0.5", false, true},
		{"1.", "1", false, true},
		{"-0.0", "0.0", false, true},
		{"1e5", "1e5", false, true},
		{"1E5", "1e5", false, true},
		{"1e+5", "1e5", false, true},
		{"2.5e-03", "2.5e-03", false, true},
		{"1.5", "", true, false},
		{"1e5", "", true, false},
		{"INF", "", false, false},
		{".", "", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, ok := jsonNumber(tt.in, tt.integer)
			if ok != tt.ok || string(got) != tt.want {
				t.Errorf("jsonNumber(%q, %v) = %q, %v; want %q, %v", tt.in, tt.integer, got, ok, tt.want, tt.ok)
			}
		})
	}
}
