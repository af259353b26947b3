// SPDX-License-Identifier: MIT

package httpx

import (
	"testing"
	"time"
)

func TestETag(t *testing.T) {
	at := time.Date(2026, 11, 24, 3, 4, 5, 123456000, time.FixedZone("CET", 3600))
	tag := TimeETag(at)
	if tag != `"2026-11-24T02:04:05.123456Z"` {
		t.Fatalf("TimeETag = %s", tag)
	}
	tests := []struct {
		header string
		want   bool
	}{
		{tag, true},
		{"*", true},
		{` "x" ,` + tag, true},
		{"W/" + tag, false},
		{`"2026-11-24T02:04:05Z"`, false},
		{`"x", "y"`, false},
	}
	for _, tt := range tests {
		if got := ETagMatches(tt.header, tag); got != tt.want {
			t.Errorf("ETagMatches(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
