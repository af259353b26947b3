// SPDX-License-Identifier: MIT

package events_test

import (
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/internal/events"
)

func TestSignVerify(t *testing.T) {
	at := time.Unix(1717232400, 0)
	body := []byte(`{"id":"1"}`)
	good := events.Sign("secret", at, body)
	// A vector computed with Python's hmac module, so that the scheme is checked
	// against another implementation (the docs show the same one).
	if want := "t=1717232400,v1=be59bb71c684f8eadd6c29b14b9ffca66b0005e353b9713f5cb0b83671b72fc9"; good != want {
		t.Fatalf("Sign = %s", good)
	}
	tests := []struct {
		name, secret, header string
		body                 []byte
		now                  time.Time
		tolerance            time.Duration
		ok                   bool
	}{
		{"valid", "secret", good, body, at, 5 * time.Minute, true},
		{"valid without a time check", "secret", good, body, at.Add(time.Hour), 0, true},
		{"one of several v1", "secret", "t=1717232400,v1=00," + good[len("t=1717232400,"):], body, at, time.Minute, true},
		{"spaces", "secret", "t=1717232400, " + good[len("t=1717232400,"):], body, at, time.Minute, true},
		{"wrong secret", "other", good, body, at, time.Minute, false},
		{"body changed", "secret", good, []byte(`{"id":"2"}`), at, time.Minute, false},
		{"too old", "secret", good, body, at.Add(10 * time.Minute), 5 * time.Minute, false},
		{"from the future", "secret", good, body, at.Add(-10 * time.Minute), 5 * time.Minute, false},
		{"no time", "secret", good[len("t=1717232400,"):], body, at, 0, false},
		{"no signature", "secret", "t=1717232400", body, at, 0, false},
		{"time changed", "secret", "t=1717232401," + good[len("t=1717232400,"):], body, at, time.Minute, false},
		{"empty", "secret", "", body, at, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := events.Verify(tt.secret, tt.header, tt.body, tt.now, tt.tolerance)
			if tt.ok != (err == nil) || (err != nil && !errors.Is(err, events.ErrSignature)) {
				t.Fatalf("Verify = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := map[string]string{
		"https://hooks.example.com/in?code=s3cret":        "https://hooks.example.com/in",
		"https://user:pw@hooks.example.com:8443/a/b#frag": "https://hooks.example.com:8443/a/b",
		"http://127.0.0.1:9/x":                            "http://127.0.0.1:9/x",
		"::not a url":                                     "(invalid URL)",
	}
	for in, want := range tests {
		if got := events.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
