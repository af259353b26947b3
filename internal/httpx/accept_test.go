// SPDX-License-Identifier: MIT

package httpx

import "testing"

func TestPreferred(t *testing.T) {
	offers := []string{"application/json", "application/xml"}
	for _, tt := range []struct{ accept, want string }{
		{"", "application/json"},
		{"*/*", "application/json"},
		{"application/xml", "application/xml"},
		{"application/json", "application/json"},
		{"text/xml", "application/json"}, // names no offer: the default
		{"application/json, application/xml;q=0.5", "application/json"},
		{"application/json;q=0.5, application/xml", "application/xml"},
		{"application/xml;q=0.9, */*;q=0.1", "application/xml"},
		{"application/*;q=0.2, application/xml;q=0.8", "application/xml"},
		{"application/xml, application/json", "application/json"}, // a tie: the first offer
		{"application/xml;q=0", "application/json"},
		{"application/json;q=0, */*", "application/xml"},
		{"application/xml;q=abc", "application/xml"}, // a bad q counts as 1
		{"garbage;;, application/xml", "application/xml"},
	} {
		if got := Preferred(tt.accept, offers...); got != tt.want {
			t.Errorf("Preferred(%q) = %q, want %q", tt.accept, got, tt.want)
		}
	}
}
