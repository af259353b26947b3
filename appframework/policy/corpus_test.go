// SPDX-License-Identifier: MIT

package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

func loadPolicy(t *testing.T, app string) *policy.Policy {
	t.Helper()
	f, err := os.Open(filepath.Join(testcorpus.Path(t, "apps"), app, "App", "config", "authorization", "policy.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := policy.Parse(f, policy.Options{Org: "ttd", App: app})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if p.Unbound {
		t.Errorf("placeholders remain after binding")
	}
	return p
}

// Subjects of the corpus tests: persons with roles at authentication level 2
// (ID-porten's usual), and the service owner ttd at Maskinporten's level 3.
func person(roles ...string) policy.Subject {
	return policy.Subject{Roles: roles, UserID: "1337", PartyID: "501337", AuthLevel: 2}
}

var owner = policy.Subject{Org: "ttd", AuthLevel: 3}

// state is where the instance is: a task id, "end:<id>" for an end event,
// "res:<name>" for an app resource, or "" for the app itself (instantiate).
func resource(app, state string) policy.Resource {
	r := policy.Resource{Org: "ttd", App: app, PartyID: "501337"}
	switch {
	case strings.HasPrefix(state, "end:"):
		r.EndEvent = strings.TrimPrefix(state, "end:")
	case strings.HasPrefix(state, "res:"):
		r.AppResource = strings.TrimPrefix(state, "res:")
	default:
		r.Task = state
	}
	return r
}

type corpusCase struct {
	name    string
	subject policy.Subject
	state   string
	action  string
	effect  policy.Effect
	index   int    // the deciding rule's position, -1 for none
	ruleID  string // its RuleId after "ruleid:"
}

// templateCases hold for the apps whose policy is Altinn's template with a
// read/write rule for Task_1 (component-library, expression-validation-test,
// subform-test, stateless-app and, with other rule positions, the rest).
func templateCases() []corpusCase {
	return []corpusCase{
		{"DAGL may instantiate", person("DAGL"), "", "instantiate", policy.Permit, 0, "1"},
		{"role codes ignore case", person("dagl"), "", "instantiate", policy.Permit, 0, "1"},
		{"REGNA reads anywhere through rule 1", person("REGNA"), "Task_1", "read", policy.Permit, 0, "1"},
		{"DAGL writes in Task_1", person("DAGL"), "Task_1", "write", policy.Permit, 1, "2"},
		{"only the owner completes", person("DAGL"), "end:EndEvent_1", "complete", policy.NotApplicable, -1, ""},
		{"PRIV has no rule", person("PRIV"), "Task_1", "write", policy.NotApplicable, -1, ""},
		{"no roles at all", person(), "", "instantiate", policy.NotApplicable, -1, ""},
		{"DAGL deletes", person("DAGL"), "Task_1", "delete", policy.Permit, 2, "3"},
		{"owner writes in any state", owner, "Task_1", "write", policy.Permit, 3, "4"},
		{"owner completes at the end", owner, "end:EndEvent_1", "complete", policy.Permit, 4, "5"},
		{"owner cannot complete mid-process", owner, "Task_1", "complete", policy.NotApplicable, -1, ""},
		{"another org is not the owner", policy.Subject{Org: "skd", AuthLevel: 3}, "Task_1", "write", policy.NotApplicable, -1, ""},
		{"owner reads events", owner, "res:events", "read", policy.Permit, 0, "1"},
		{"level 0 login is below the template's level 1", policy.Subject{Roles: []string{"DAGL"}, UserID: "1"}, "Task_1", "write", policy.Deny, 1, "2"},
	}
}

func TestCorpusDecide(t *testing.T) {
	t.Parallel()
	apps := map[string][]corpusCase{
		"component-library": append(templateCases(),
			// A finding: only Task_1 is covered, so nobody but the owner can write in the second task.
			corpusCase{"no user writes in PreviousProcessSummary", person("DAGL"), "PreviousProcessSummary", "write", policy.NotApplicable, -1, ""},
			corpusCase{"DAGL reads at the end", person("DAGL"), "end:EndEvent_1", "read", policy.Permit, 0, "1"},
		),
		"expression-validation-test": templateCases(),
		"subform-test":               templateCases(),
		"stateless-app": append(templateCases(),
			corpusCase{"DAGL writes in the error task", person("DAGL"), "Task_4", "write", policy.Permit, 1, "2"},
			corpusCase{"confirm is not granted", person("DAGL"), "Task_3", "confirm", policy.NotApplicable, -1, ""},
		),
		"multiple-datamodels-test": {
			{"DAGL writes in Task_2", person("DAGL"), "Task_2", "write", policy.Permit, 1, "2"},
			{"custom action random in Task_1", person("REGNA"), "Task_1", "random", policy.Permit, 2, "7"},
			{"random only in Task_1", person("REGNA"), "Task_2", "random", policy.NotApplicable, -1, ""},
			{"owner through the [org] placeholder", owner, "Task_2", "write", policy.Permit, 4, "4"},
			{"owner completes", owner, "end:EndEvent_1", "complete", policy.Permit, 5, "5"},
			{"level 0 is enough for persons here", policy.Subject{Roles: []string{"DAGL"}, UserID: "1"}, "Task_1", "write", policy.Permit, 1, "2"},
			{"PRIV", person("PRIV"), "", "instantiate", policy.NotApplicable, -1, ""},
		},
		"frontend-test": {
			{"SELN instantiates", person("SELN"), "", "instantiate", policy.Permit, 0, "1"},
			{"DAGL confirms in the custom confirm task", person("DAGL"), "Task_Custom_Confirm", "confirm", policy.Permit, 1, "2"},
			{"DAGL rejects in the custom confirm task", person("DAGL"), "Task_Custom_Confirm", "reject", policy.Permit, 1, "2"},
			{"server action fill in Task_2", person("REGNA"), "Task_2", "fill", policy.Permit, 2, "2b"},
			{"fill is not granted in Task_3", person("REGNA"), "Task_3", "fill", policy.NotApplicable, -1, ""},
			{"sortPets in Task_3", person("SELN"), "Task_3", "sortPets", policy.Permit, 3, "2c"},
			{"owner completes", owner, "end:EndEvent_1", "complete", policy.Permit, 6, "5"},
			{"sign is not granted", person("DAGL"), "Task_1", "sign", policy.NotApplicable, -1, ""},
			{"owner at level 2: the person level 0 applies first", policy.Subject{Org: "ttd", AuthLevel: 2}, "Task_1", "write", policy.Permit, 5, "4"},
		},
		"payment-test": {
			{"DAGL pays in Task_2", person("DAGL"), "Task_2", "pay", policy.Permit, 2, "3"},
			{"DAGL confirms in Task_2", person("DAGL"), "Task_2", "confirm", policy.Permit, 2, "3"},
			{"pay is not granted in Task_1", person("DAGL"), "Task_1", "pay", policy.NotApplicable, -1, ""},
			{"DAGL writes in Task_1", person("DAGL"), "Task_1", "write", policy.Permit, 1, "2"},
			{"owner writes", owner, "Task_2", "write", policy.Permit, 4, "5"},
			{"owner completes", owner, "end:EndEvent_1", "complete", policy.Permit, 5, "6"},
			{"PRIV cannot pay", person("PRIV"), "Task_2", "pay", policy.NotApplicable, -1, ""},
		},
		"signing-test": {
			{"A0241 instantiates", person("A0241"), "", "instantiate", policy.Permit, 0, "1"},
			{"DAGL writes in Task_1", person("DAGL"), "Task_1", "write", policy.Permit, 1, "2"},
			{"DAGL signs in Task_2", person("DAGL"), "Task_2", "sign", policy.Permit, 2, "2"},
			{"DAGL rejects in Task_2", person("DAGL"), "Task_2", "reject", policy.Permit, 2, "2"},
			{"A0237 cannot sign in Task_2", person("A0237"), "Task_2", "sign", policy.NotApplicable, -1, ""},
			{"A0237 signs in Task_3", person("A0237"), "Task_3", "sign", policy.Permit, 3, "2"},
			{"A0238 reads after the end", person("A0238"), "end:EndEvent_1", "read", policy.Permit, 4, "2"},
			{"DAGL cannot sign in Task_3", person("DAGL"), "Task_3", "sign", policy.NotApplicable, -1, ""},
			{"owner completes", owner, "end:EndEvent_1", "complete", policy.Permit, 7, "5"},
			{"level 0 signer is denied", policy.Subject{Roles: []string{"DAGL"}, UserID: "1"}, "Task_2", "sign", policy.Deny, 2, "2"},
		},
	}
	for app, cases := range apps {
		t.Run(app, func(t *testing.T) {
			t.Parallel()
			p := loadPolicy(t, app)
			for _, c := range cases {
				req := policy.Request{Subject: c.subject, Resource: resource(app, c.state), Action: c.action}
				d, err := p.Decide(context.Background(), req)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				wantID := ""
				if c.ruleID != "" {
					wantID = "urn:altinn:example:ruleid:" + c.ruleID
				}
				if d.Effect != c.effect || d.RuleIndex != c.index || d.RuleID != wantID {
					t.Errorf("%s: %s rule %d %q (%s), want %s rule %d %q", c.name, d.Effect, d.RuleIndex, d.RuleID, d.Reason, c.effect, c.index, wantID)
				}
			}
		})
	}
}
