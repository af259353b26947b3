// SPDX-License-Identifier: MIT

package events_test

import (
	"errors"
	"testing"

	"github.com/blankett/blankett/runtime/internal/events"
)

func TestMatchType(t *testing.T) {
	const moved = "app.instance.process.movedTo.Task_1"
	tests := []struct {
		filter, typ string
		want        bool
	}{
		{"", moved, true},
		{"*", moved, true},
		{"*", "platform.events.validatesubscription", true},
		{moved, moved, true},
		{"app.instance.process.movedTo.Task_2", moved, false},
		{"app.instance.process.movedTo.*", moved, true},
		{"app.instance.process.movedTo.*", "app.instance.process.completed", false},
		{"app.instance.*", moved, true},
		{"app.instance.*", "app.instance.created", true},
		{"app.instance.*", "app.instance", false},    // the wildcard is a whole segment, never empty
		{"app.instance.*", "app.instances.x", false}, // segments, not characters
		{"app.instance.*", "App.instance.created", false},
		{"app.instance", "app.instance.created", false}, // no wildcard: exact
		{"a_b.*", "aXb.c", false},                       // _ and % are not patterns
		{"a%.*", "abc.d", false},
		{"a%.*", "a%.d", true},
	}
	for _, tt := range tests {
		if got := events.MatchType(tt.filter, tt.typ); got != tt.want {
			t.Errorf("MatchType(%q, %q) = %v, want %v", tt.filter, tt.typ, got, tt.want)
		}
	}
}

func TestCheckTypeFilter(t *testing.T) {
	tests := []struct {
		filter string
		ok     bool
	}{
		{"app.instance.process.completed", true},
		{"app.instance.process.movedTo.Task_1", true},
		{"app.instance.process.movedTo.*", true},
		{"app.instance.*", true},
		{"app.*", true},
		{"*", true},
		{"app.inst*", false},
		{"app.*.created", false},
		{"*.created", false},
		{"app.instance.*.*", false},
		{"app.instance.**", false},
		{"**", false},
		{".*", false},
		{"app..*", false},
		{"app.instance.", false},
		{"a b", false},
		{"", false},
		{"app.instance.process.movedTo.Task_1?", false},
	}
	for _, tt := range tests {
		err := events.CheckTypeFilter(tt.filter)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, events.ErrTypeFilter)) {
			t.Errorf("CheckTypeFilter(%q) = %v, want ok=%v", tt.filter, err, tt.ok)
		}
	}
}

func TestTypePrefix(t *testing.T) {
	tests := []struct {
		filter, prefix string
		wildcard       bool
	}{
		{"*", "", true},
		{"app.instance.*", "app.instance.", true},
		{"app.instance.created", "", false},
	}
	for _, tt := range tests {
		if p, ok := events.TypePrefix(tt.filter); p != tt.prefix || ok != tt.wildcard {
			t.Errorf("TypePrefix(%q) = %q, %v", tt.filter, p, ok)
		}
	}
}
