// SPDX-License-Identifier: MIT

package accounts

import "testing"

func TestReturnPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/studio/ttd/app", "/studio/ttd/app"},
		{"/studio/", "/studio/"},
		{"", "/studio/"},
		{"/", "/studio/"},
		{"/studio", "/studio/"},
		{"https://evil.example/studio/", "/studio/"},
		{"//evil.example/studio/", "/studio/"},
		{"/studio/\\evil", "/studio/"},
		{"/runtime/x", "/studio/"},
	}
	for _, tt := range tests {
		if got := returnPath(tt.in); got != tt.want {
			t.Errorf("returnPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
