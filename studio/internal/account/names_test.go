// SPDX-License-Identifier: MIT

package account

import (
	"errors"
	"strings"
	"testing"
)

func TestValidOrgName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"ttd", true}, {"digdir", true}, {"nav", true}, {"a1", true}, {"brg-2", true},
		{strings.Repeat("a", 30), true}, {strings.Repeat("a", 31), false},
		{"a", false}, {"", false}, {"1ttd", false}, {"ttd-", false}, {"-ttd", false}, {"TTD", false},
		{"t_d", false}, {"t.d", false}, {"t--d", false}, {"tæd", false}, {"api", false}, {"datamodels", false},
	}
	for _, tt := range tests {
		err := ValidOrgName(tt.name)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("ValidOrgName(%q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

func TestValidUsername(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"dev", true}, {"kari.nordmann", true}, {"dev-ola", true}, {"a", true}, {"9lives", true},
		{"Kari", false}, {"", false}, {".kari", false}, {"kari nordmann", false}, {"kari@x", false},
		{strings.Repeat("a", 40), false},
	}
	for _, tt := range tests {
		if err := ValidUsername(tt.name); (err == nil) != tt.ok {
			t.Errorf("ValidUsername(%q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

func TestValidPassword(t *testing.T) {
	tests := []struct {
		user, pw string
		ok       bool
	}{
		{"kari", "long enough pw", true},
		{"kari", "short", false},
		{"kari", "ææææææææææ", true}, // ten characters, more bytes
		{"kari.nordmann", "Kari.Nordmann", false},
		{"kari", strings.Repeat("x", 257), false},
	}
	for _, tt := range tests {
		if err := validPassword(tt.user, tt.pw); (err == nil) != tt.ok {
			t.Errorf("validPassword(%q, %q) = %v, want ok=%v", tt.user, tt.pw, err, tt.ok)
		}
	}
}
