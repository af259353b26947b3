// SPDX-License-Identifier: MIT

package events

import (
	"net/url"
	"reflect"
	"slices"
	"testing"
)

func TestCheckSubscription(t *testing.T) {
	const base = "https://rt.example"
	tests := []struct {
		name string
		dev  bool
		req  SubscriptionRequest
		want []string // field error codes
		org  string
	}{
		{"valid", false, SubscriptionRequest{EndPoint: "https://hooks.example/in?code=x", SourceFilter: base + "/ttd/app-1"}, nil, "ttd"},
		{"trailing slash", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app/"}, nil, "ttd"},
		{"filters", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app",
			TypeFilter: "app.instance.process.movedTo.Task_1", SubjectFilter: "/party/500"}, nil, "ttd"},
		{"http outside dev", false, SubscriptionRequest{EndPoint: "http://h.example", SourceFilter: base + "/ttd/app"}, []string{FieldEndpointInvalid}, ""},
		{"http in dev", true, SubscriptionRequest{EndPoint: "http://127.0.0.1:8080/x", SourceFilter: base + "/ttd/app"}, nil, "ttd"},
		{"relative endpoint", true, SubscriptionRequest{EndPoint: "/hook", SourceFilter: base + "/ttd/app"}, []string{FieldEndpointInvalid}, ""},
		{"ftp", true, SubscriptionRequest{EndPoint: "ftp://h.example", SourceFilter: base + "/ttd/app"}, []string{FieldEndpointInvalid}, ""},
		{"no endpoint", false, SubscriptionRequest{SourceFilter: base + "/ttd/app"}, []string{FieldEndpointInvalid}, ""},
		{"other host", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: "https://other.example/ttd/app"}, []string{FieldSourceFilterInvalid}, ""},
		{"org only", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd"}, []string{FieldSourceFilterInvalid}, ""},
		{"instance source", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app/instances/1"}, []string{FieldSourceFilterInvalid}, ""},
		{"upper case", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/TTD/app"}, []string{FieldSourceFilterInvalid}, ""},
		{"bad type and subject", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app",
			TypeFilter: "a b", SubjectFilter: "/person/01017012345"}, []string{FieldTypeFilterInvalid, FieldSubjectFilterInvalid}, ""},
		{"everything", false, SubscriptionRequest{}, []string{FieldEndpointInvalid, FieldSourceFilterInvalid}, ""},
		{"type wildcard", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app",
			TypeFilter: "app.instance.process.movedTo.*"}, nil, "ttd"},
		{"all types", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app", TypeFilter: "*"}, nil, "ttd"},
		{"wildcard inside a segment", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app",
			TypeFilter: "app.inst*"}, []string{FieldTypeFilterInvalid}, ""},
		{"wildcard in the middle", false, SubscriptionRequest{EndPoint: "https://h.example", SourceFilter: base + "/ttd/app",
			TypeFilter: "app.*.created"}, []string{FieldTypeFilterInvalid}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &api{base: base, dev: tt.dev}
			sub, errs := a.check(tt.req)
			var codes []string
			for _, e := range errs {
				codes = append(codes, e.Code)
			}
			if !slices.Equal(codes, tt.want) {
				t.Fatalf("errors %v, want %v", codes, tt.want)
			}
			if tt.want == nil && (sub.FilterOrg != tt.org || sub.FilterApp == "") {
				t.Fatalf("subscription %+v", sub)
			}
		})
	}
}

func TestParsePull(t *testing.T) {
	tests := []struct {
		query string
		ok    bool
		size  int
	}{
		{"after=abc", true, DefaultSize},
		{"from=2024-06-01T00:00:00Z&size=1000", true, 1000},
		{"from=2024-06-01T00:00:00%2B02:00&party=5&type=a&type=b", true, DefaultSize},
		{"", false, 0},
		{"from=2024-06-01", false, 0},
		{"after=a&size=0", false, 0},
		{"after=a&size=1001", false, 0},
		{"after=a&party=x", false, 0},
		{"after=a&type=", false, 0},
		{"after=a&type=app.inst*", false, 0},
		{"after=a&type=app.*.created", false, 0},
		{"after=a&type=*&type=app.inst*", false, 0},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		q, problem := parsePull(v)
		if (problem == "") != tt.ok || (tt.ok && q.Limit != tt.size) {
			t.Errorf("%q: %+v %q", tt.query, q, problem)
		}
	}
}

// TestParsePullTypes: exact types go to the store as types, wildcards as
// prefixes, and * lifts the type filter.
func TestParsePullTypes(t *testing.T) {
	tests := []struct {
		query           string
		types, prefixes []string
	}{
		{"after=a", nil, nil},
		{"after=a&type=app.instance.created", []string{"app.instance.created"}, nil},
		{"after=a&type=app.instance.process.movedTo.*&type=app.instance.created",
			[]string{"app.instance.created"}, []string{"app.instance.process.movedTo."}},
		{"after=a&type=app.instance.*", nil, []string{"app.instance."}},
		{"after=a&type=*", nil, nil},
		{"after=a&type=app.instance.created&type=*", nil, nil},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		q, problem := parsePull(v)
		if problem != "" || !reflect.DeepEqual(q.Types, tt.types) || !reflect.DeepEqual(q.TypePrefixes, tt.prefixes) {
			t.Errorf("%q: types %q, prefixes %q, %q", tt.query, q.Types, q.TypePrefixes, problem)
		}
	}
}
