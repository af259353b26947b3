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

func TestNoneMatch(t *testing.T) {
	for _, tt := range []struct {
		header, etag string
		want         bool
	}{
		{`"a"`, `"a"`, true},
		{`W/"a"`, `"a"`, true},
		{`"b", W/"a"`, `"a"`, true},
		{`*`, `"a"`, true},
		{`"b"`, `"a"`, false},
		{``, `"a"`, false},
		{`"a"`, `W/"a"`, true},
	} {
		if got := NoneMatch(tt.header, tt.etag); got != tt.want {
			t.Errorf("NoneMatch(%q, %q) = %v, want %v", tt.header, tt.etag, got, tt.want)
		}
	}
}
