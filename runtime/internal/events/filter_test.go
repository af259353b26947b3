// SPDX-License-Identifier: MIT

package events_test

import (
	"testing"

	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestMatches(t *testing.T) {
	ev := store.CloudEvent{Org: "ttd", App: "a", Type: "app.instance.process.completed", Subject: "/party/500"}
	base := store.Subscription{FilterOrg: "ttd", FilterApp: "a", Validated: true}
	tests := []struct {
		name string
		mod  func(*store.Subscription)
		want bool
	}{
		{"app only", func(*store.Subscription) {}, true},
		{"type", func(s *store.Subscription) { s.TypeFilter = "app.instance.process.completed" }, true},
		{"other type", func(s *store.Subscription) { s.TypeFilter = "app.instance.created" }, false},
		{"type prefix is not a match", func(s *store.Subscription) { s.TypeFilter = "app.instance" }, false},
		{"type wildcard", func(s *store.Subscription) { s.TypeFilter = "app.instance.*" }, true},
		{"process wildcard", func(s *store.Subscription) { s.TypeFilter = "app.instance.process.*" }, true},
		{"other wildcard", func(s *store.Subscription) { s.TypeFilter = "app.instance.process.movedTo.*" }, false},
		{"all types", func(s *store.Subscription) { s.TypeFilter = "*" }, true},
		{"all types of another app", func(s *store.Subscription) { s.TypeFilter, s.FilterApp = "*", "b" }, false},
		{"subject", func(s *store.Subscription) { s.SubjectFilter = "/party/500" }, true},
		{"other subject", func(s *store.Subscription) { s.SubjectFilter = "/party/5000" }, false},
		{"other app", func(s *store.Subscription) { s.FilterApp = "b" }, false},
		{"other org", func(s *store.Subscription) { s.FilterOrg = "acme" }, false},
		{"not validated", func(s *store.Subscription) { s.Validated = false }, false},
		{"disabled", func(s *store.Subscription) { s.Disabled = true }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := base
			tt.mod(&sub)
			if got := events.Matches(sub, ev); got != tt.want {
				t.Fatalf("Matches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTypesAndSubjects(t *testing.T) {
	tests := []struct{ got, want string }{
		{events.TypeMovedTo("Task_1"), "app.instance.process.movedTo.Task_1"},
		{events.AlternativeSubject("01017012345", ""), "/person/01017012345"},
		{events.AlternativeSubject("", "310000001"), "/org/310000001"},
		{events.AlternativeSubject("", ""), ""},
		{events.Subject(500), "/party/500"},
		{events.SourceFilter("https://x.no", "ttd", "a"), "https://x.no/ttd/a"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
