// SPDX-License-Identifier: MIT

package policy_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
)

func TestDecide(t *testing.T) {
	t.Parallel()
	p, err := parseFile(t, filepath.Join("testdata", "decide.xml"), policy.Options{Org: "ttd", App: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	at := func(task string) policy.Resource { return policy.Resource{Org: "ttd", App: "demo", Task: task} }
	dagl := func(level int) policy.Subject {
		return policy.Subject{Roles: []string{"DAGL"}, UserID: "1", AuthLevel: level}
	}
	ttd := func(level int) policy.Subject { return policy.Subject{Org: "ttd", AuthLevel: level} }
	tests := []struct {
		name     string
		req      policy.Request
		effect   policy.Effect
		rule     string
		minLevel int
		reason   string
	}{
		{"role in task", policy.Request{Subject: dagl(2), Resource: at("Task_1"), Action: "write"}, policy.Permit, "permit-users", 2, ""},
		{"role at end event", policy.Request{Subject: dagl(2), Resource: policy.Resource{Org: "ttd", App: "demo", EndEvent: "EndEvent_1"}, Action: "read"}, policy.Permit, "permit-users", 2, ""},
		{"role in a task the rule lacks", policy.Request{Subject: dagl(2), Resource: at("Task_3"), Action: "write"}, policy.NotApplicable, "", 0, "no rule permits write"},
		{"below the policy level", policy.Request{Subject: dagl(1), Resource: at("Task_1"), Action: "write"}, policy.Deny, "permit-users", 2, "authentication level 1 is below the required 2"},
		{"deny overrides permit", policy.Request{Subject: policy.Subject{Roles: []string{"DAGL"}, UserID: "666", AuthLevel: 4}, Resource: at("Task_1"), Action: "read"}, policy.Deny, "deny-blocked", 0, "denied by rule deny-blocked"},
		{"rule obligation raises the level", policy.Request{Subject: dagl(3), Resource: at("Task_2"), Action: "sign"}, policy.Deny, "sign-high", 4, "below the required 4"},
		{"level 4 signs", policy.Request{Subject: dagl(4), Resource: at("Task_2"), Action: "sign"}, policy.Permit, "sign-high", 4, ""},
		{"owner passes on the org level", policy.Request{Subject: ttd(3), Resource: at("Task_2"), Action: "sign"}, policy.Permit, "sign-high", 3, ""},
		{"owner below the org level", policy.Request{Subject: ttd(2), Resource: at("Task_2"), Action: "sign"}, policy.Deny, "sign-high", 3, "below the required 3"},
		{"owner writes", policy.Request{Subject: ttd(3), Resource: at("Task_1"), Action: "write"}, policy.Permit, "owner", 2, ""},
		{"org code is case-sensitive", policy.Request{Subject: policy.Subject{Org: "TTD", AuthLevel: 3}, Resource: at("Task_1"), Action: "write"}, policy.NotApplicable, "", 0, ""},
		{"own party reads", policy.Request{Subject: policy.Subject{PartyID: "501", AuthLevel: 2}, Resource: policy.Resource{Org: "ttd", App: "demo", PartyID: "501"}, Action: "read"}, policy.Permit, "own-party", 2, ""},
		{"other party", policy.Request{Subject: policy.Subject{PartyID: "501", AuthLevel: 2}, Resource: policy.Resource{Org: "ttd", App: "demo", PartyID: "502"}, Action: "read"}, policy.NotApplicable, "", 0, ""},
		{"scope reads events", policy.Request{Subject: policy.Subject{Scopes: []string{"altinn:events.read"}, AuthLevel: 3}, Resource: policy.Resource{Org: "ttd", App: "demo", AppResource: "events"}, Action: "read"}, policy.Permit, "scope-events", 2, ""},
		{"another app", policy.Request{Subject: dagl(4), Resource: policy.Resource{Org: "ttd", App: "other", Task: "Task_1"}, Action: "read"}, policy.NotApplicable, "", 0, "policy target does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := p.Decide(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.Effect != tt.effect || d.RuleID != tt.rule || d.MinAuthLevel != tt.minLevel {
				t.Errorf("Decide = %s %q level %d (%s), want %s %q level %d", d.Effect, d.RuleID, d.MinAuthLevel, d.Reason, tt.effect, tt.rule, tt.minLevel)
			}
			if !strings.Contains(d.Reason, tt.reason) {
				t.Errorf("Reason = %q, want it to contain %q", d.Reason, tt.reason)
			}
			if (d.RuleID == "") != (d.RuleIndex < 0) {
				t.Errorf("RuleIndex %d with RuleID %q", d.RuleIndex, d.RuleID)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	t.Parallel()
	p := &policy.Policy{Combining: policy.DenyOverrides}
	if _, err := p.Decide(context.Background(), policy.Request{}); !errors.Is(err, policy.ErrInvalidRequest) {
		t.Errorf("no action: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Decide(ctx, policy.Request{Action: "read"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	p.Rules = []policy.Rule{{ID: "r", Effect: policy.Deny, Target: policy.Target{{{{Value: "x", Attribute: policy.Attribute{Category: policy.CategorySubject, ID: "urn:altinn:made-up"}}}}}}}
	if d, err := p.Decide(context.Background(), policy.Request{Action: "read"}); !errors.Is(err, policy.ErrUnknownAttribute) || d.Effect != policy.NotApplicable {
		t.Errorf("unknown attribute in a built policy: %v %v", d.Effect, err)
	}
}

// TestCombining runs each algorithm over a Permit and a Deny rule that both
// match read, and over no matching rule.
func TestCombining(t *testing.T) {
	t.Parallel()
	action := func(a string) policy.Target {
		return policy.Target{{{{Value: a, Attribute: policy.Attribute{Category: policy.CategoryAction, ID: policy.AttrActionID}}}}}
	}
	rules := []policy.Rule{
		{ID: "permit", Effect: policy.Permit, Target: action("read")},
		{ID: "deny", Effect: policy.Deny, Target: action("read")},
	}
	tests := []struct {
		alg              policy.Combining
		both, none       policy.Effect
		bothRule         string
		firstRuleOnMatch bool
	}{
		{policy.DenyOverrides, policy.Deny, policy.NotApplicable, "deny", false},
		{policy.PermitOverrides, policy.Permit, policy.NotApplicable, "permit", false},
		{policy.FirstApplicable, policy.Permit, policy.NotApplicable, "permit", true},
		{policy.DenyUnlessPermit, policy.Permit, policy.Deny, "permit", false},
		{policy.PermitUnlessDeny, policy.Deny, policy.Permit, "deny", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.alg), func(t *testing.T) {
			t.Parallel()
			p := &policy.Policy{Combining: tt.alg, Rules: rules}
			d, err := p.Decide(context.Background(), policy.Request{Action: "read"})
			if err != nil || d.Effect != tt.both || d.RuleID != tt.bothRule {
				t.Errorf("both match: %s %q %v, want %s %q", d.Effect, d.RuleID, err, tt.both, tt.bothRule)
			}
			d, err = p.Decide(context.Background(), policy.Request{Action: "write"})
			if err != nil || d.Effect != tt.none || d.RuleID != "" {
				t.Errorf("none match: %s %q %v, want %s", d.Effect, d.RuleID, err, tt.none)
			}
			// With the rules swapped, only first-applicable changes its answer:
			// it takes whichever matching rule comes first.
			swapped := &policy.Policy{Combining: tt.alg, Rules: []policy.Rule{rules[1], rules[0]}}
			want, wantRule := tt.both, tt.bothRule
			if tt.firstRuleOnMatch {
				want, wantRule = swapped.Rules[0].Effect, swapped.Rules[0].ID
			}
			d, err = swapped.Decide(context.Background(), policy.Request{Action: "read"})
			if err != nil || d.Effect != want || d.RuleID != wantRule {
				t.Errorf("both match, swapped: %s %q %v, want %s %q", d.Effect, d.RuleID, err, want, wantRule)
			}
		})
	}
}

func TestDecideActions(t *testing.T) {
	t.Parallel()
	p := loadPolicy(t, "signing-test")
	req := policy.Request{Subject: person("DAGL"), Resource: resource("signing-test", "Task_2")}
	got, err := p.DecideActions(context.Background(), req, []string{"read", "write", "sign", "reject", "confirm"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"read": true, "write": false, "sign": true, "reject": true, "confirm": false}
	for a, w := range want {
		if got[a] != w {
			t.Errorf("%s = %v, want %v", a, got[a], w)
		}
	}
}
