// SPDX-License-Identifier: MIT

package policy_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
)

func parseFile(t *testing.T, path string, opts policy.Options) (*policy.Policy, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return policy.ParseBytes(data, opts)
}

// TestParseErrors checks that everything outside the subset is refused with
// the reason and, where there is one, the line.
func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want error
		msg  string
	}{
		{"malformed.xml", policy.ErrMalformed, "line 1"},
		{"policyset.xml", policy.ErrUnsupported, "PolicySet"},
		{"xacml2.xml", policy.ErrMalformed, "want an XACML 3.0 Policy"},
		{"no-algorithm.xml", policy.ErrMalformed, "no RuleCombiningAlgId"},
		{"unknown-algorithm.xml", policy.ErrUnsupported, "only-one-applicable"},
		{"unknown-attribute.xml", policy.ErrUnknownAttribute, "line 4:160: attribute urn:altinn:resource:delegation"},
		{"unknown-category.xml", policy.ErrUnknownAttribute, "attribute-category:environment"},
		{"unknown-function.xml", policy.ErrUnsupported, "string-regexp-match"},
		{"integer-match.xml", policy.ErrUnsupported, "only strings are supported"},
		{"selector.xml", policy.ErrUnsupported, "AttributeSelector"},
		{"match-no-designator.xml", policy.ErrMalformed, "one AttributeValue and one AttributeDesignator"},
		{"condition.xml", policy.ErrUnsupported, "line 3:5: element Condition in rule r1"},
		{"bad-effect.xml", policy.ErrMalformed, `Effect "Allow"`},
		{"no-rule-id.xml", policy.ErrMalformed, "without a RuleId"},
		{"empty-anyof.xml", policy.ErrMalformed, "empty AnyOf"},
		{"unknown-obligation.xml", policy.ErrUnsupported, `"urn:altinn:notify-owner" cannot be fulfilled`},
		{"bad-level.xml", policy.ErrMalformed, `"two" is not an integer`},
		{"variable.xml", policy.ErrUnsupported, "VariableDefinition"},
		{"must-be-present.xml", policy.ErrUnsupported, `line 4:160: MustBePresent="true" on attribute urn:altinn:org`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			p, err := parseFile(t, filepath.Join("testdata", "parse", tt.file), policy.Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v (policy %v)", err, tt.want, p)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

// TestParseMustBePresent refuses designators that must be present: XACML
// makes a missing attribute Indeterminate then, which the evaluator would
// read as no match and so could let a Permit through where XACML denies.
func TestParseMustBePresent(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "parse", "must-be-present.xml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		value string
		want  error // nil: the policy parses
	}{
		{"true", policy.ErrUnsupported},
		{"1", policy.ErrUnsupported},
		{" true ", policy.ErrUnsupported},
		{"false", nil},
		{"0", nil},
		{"yes", policy.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			t.Parallel()
			doc := strings.Replace(string(data), `MustBePresent="true"`, `MustBePresent="`+tt.value+`"`, 1)
			_, err := policy.ParseBytes([]byte(doc), policy.Options{})
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v, want none", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), "MustBePresent") || !strings.Contains(err.Error(), "urn:altinn:org") {
				t.Errorf("err = %v, want %v naming MustBePresent and the attribute", err, tt.want)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	t.Parallel()
	p, err := parseFile(t, filepath.Join("testdata", "decide.xml"), policy.Options{Org: "ttd", App: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "urn:altinn:resource:app_ttd_demo:policyid:1" || p.Combining != policy.DenyOverrides || p.Unbound {
		t.Errorf("policy = %q %s unbound=%v", p.ID, p.Combining, p.Unbound)
	}
	if len(p.Rules) != 6 || len(p.Obligations) != 2 || len(p.Target) != 1 {
		t.Fatalf("rules %d, obligations %d, target %d", len(p.Rules), len(p.Obligations), len(p.Target))
	}
	r := p.Rules[1]
	if r.ID != "deny-blocked" || r.Effect != policy.Deny || !strings.HasPrefix(r.Description, "User 666") || r.Line != 18 {
		t.Errorf("rule 1 = %+v", r)
	}
	m := p.Rules[0].Target[0][0][0]
	if !m.IgnoreCase || m.Value != "DAGL" || m.Attribute != (policy.Attribute{Category: policy.CategorySubject, ID: policy.AttrRoleCode}) {
		t.Errorf("first match = %+v", m)
	}
	if ob := p.Rules[2].Obligations; len(ob) != 1 || ob[0].Assignments[0].Value != "4" {
		t.Errorf("rule obligations = %+v", ob)
	}
}

func TestParseUnbound(t *testing.T) {
	t.Parallel()
	p, err := parseFile(t, filepath.Join("testdata", "decide.xml"), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Unbound {
		t.Error("Unbound = false with [ORG] left in the policy")
	}
}
