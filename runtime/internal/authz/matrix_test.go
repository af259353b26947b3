// SPDX-License-Identifier: MIT

package authz_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/runtime/internal/authz"
)

const (
	rd, wr          = authz.ScopeInstancesRead, authz.ScopeInstancesWrite
	soRead, soWrite = authz.ScopeServiceOwnerInstancesRead, authz.ScopeServiceOwnerInstancesWrite
	signing         = "signing-test"
	frontend        = "frontend-test"
	template        = "template-app" // testdata/template-policy.xml: Altinn's app template rules with PRIV
)

// matrixRow is one authorisation question and its expected answer.
type matrixRow struct {
	name     string
	caller   authz.Caller
	target   authz.Target
	allowed  bool
	category authz.Category // when denied
}

func withDataType(t authz.Target, dt app.DataType) authz.Target {
	t.DataType = &dt
	return t
}

func withScopes(t authz.Target, s authz.APIScopes) authz.Target {
	t.APIScopes = &s
	return t
}

func matrix() []matrixRow {
	per := citizen(perUser, perParty, 2, rd, wr)
	perLow := citizen(perUser, perParty, 0, rd, wr)
	lise := citizen(liseUser, liseParty, 2, rd, wr)
	ola := authz.FromSession(olaUser, olaParty, 2)
	kari := citizen(kariUser, kariParty, 2, rd, wr)
	ttd := serviceOwner("ttd", 3, soRead, soWrite)
	custom := authz.APIScopes{Users: authz.ScopePair{Read: "ttd:signing-test/read", Write: "ttd:signing-test/write"}}
	soCustom := authz.APIScopes{ServiceOwners: authz.ScopePair{Read: "ttd:signing-test/so"}}
	sigDT := app.DataType{ID: "signature", ActionRequiredToWrite: "sign"}
	fillDT := app.DataType{ID: "model", ActionRequiredToWrite: "fill"}
	petsDT := app.DataType{ID: "pets", ActionRequiredToRead: "sortPets"}
	return []matrixRow{
		{"no caller", authz.Caller{}, at(signing, firmParty, "Task_1", "read"), false, authz.Unauthenticated},
		{"another citizen reads the firm's instance", kari, at(signing, firmParty, "Task_1", "read"), false, authz.Role},
		{"another citizen reads a citizen's instance", kari, at(template, olaParty, "Task_1", "read"), false, authz.Role},
		{"citizen reads own instance (PRIV)", ola, at(template, olaParty, "Task_1", "read"), true, ""},
		{"citizen writes own instance in Task_1 (PRIV)", ola, at(template, olaParty, "Task_1", "write"), true, ""},
		{"citizen instantiates for self (PRIV)", ola, at(template, olaParty, "", "instantiate"), true, ""},
		{"right citizen, wrong party", ola, at(template, kariParty, "Task_1", "read"), false, authz.Role},
		{"right citizen, firm party without roles", ola, at(signing, firmParty, "", "instantiate"), false, authz.Role},
		{"member without the role writes", lise, at(signing, firmParty, "Task_1", "write"), false, authz.Policy},
		{"member without the role instantiates", lise, at(signing, firmParty, "", "instantiate"), false, authz.Policy},
		{"DAGL instantiates", per, at(signing, firmParty, "", "instantiate"), true, ""},
		{"DAGL reads in Task_1", per, at(signing, firmParty, "Task_1", "read"), true, ""},
		{"DAGL writes in Task_1", per, at(signing, firmParty, "Task_1", "write"), true, ""},
		{"DAGL deletes", per, at(signing, firmParty, "Task_1", "delete"), true, ""},
		{"DAGL writes at the end event", per, at(signing, firmParty, "EndEvent_1", "write"), false, authz.Policy},
		{"DAGL signs in Task_2", per, at(signing, firmParty, "Task_2", "sign"), true, ""},
		{"DAGL signs in Task_1", per, at(signing, firmParty, "Task_1", "sign"), false, authz.Policy},
		{"DAGL completes (org only)", per, at(signing, firmParty, "EndEvent_1", "complete"), false, authz.Policy},
		{"DAGL lower-case policy (frontend-test)", per, at(frontend, firmParty, "Task_1", "write"), true, ""},
		{"service owner of another org", serviceOwner("skd", 3, soRead, soWrite), at(signing, firmParty, "Task_1", "read"), false, authz.Role},
		{"service owner reads any party's instance", ttd, at(signing, kariParty, "Task_1", "read"), true, ""},
		{"service owner writes", ttd, at(signing, firmParty, "Task_2", "write"), true, ""},
		{"service owner completes at the end event", ttd, at(signing, firmParty, "EndEvent_1", "complete"), true, ""},
		{"service owner completes in Task_1", ttd, at(signing, firmParty, "Task_1", "complete"), false, authz.Policy},
		{"service owner signs (not in policy)", ttd, at(signing, firmParty, "Task_2", "sign"), false, authz.Policy},
		{"service owner with end-user scope", serviceOwner("ttd", 3, rd, wr), at(signing, firmParty, "Task_1", "read"), false, authz.Scope},
		{"service owner with read scope writes", serviceOwner("ttd", 3, soRead), at(signing, firmParty, "Task_1", "write"), false, authz.Scope},
		{"client with the wrong scope", citizen(perUser, perParty, 2, "altinn:events.read"), at(signing, firmParty, "Task_1", "read"), false, authz.Scope},
		{"client with read scope writes", citizen(perUser, perParty, 2, rd), at(signing, firmParty, "Task_1", "write"), false, authz.Scope},
		{"client with read scope reads", citizen(perUser, perParty, 2, rd), at(signing, firmParty, "Task_1", "read"), true, ""},
		{"client with write scope only reads", citizen(perUser, perParty, 2, wr), at(signing, firmParty, "Task_1", "read"), false, authz.Scope},
		{"app apiScopes replace the default", per, withScopes(at(signing, firmParty, "Task_1", "read"), custom), false, authz.Scope},
		{"app apiScopes granted", citizen(perUser, perParty, 2, "ttd:signing-test/read"), withScopes(at(signing, firmParty, "Task_1", "read"), custom), true, ""},
		{"app service-owner scope replaces the default", ttd, withScopes(at(signing, firmParty, "Task_1", "read"), soCustom), false, authz.Scope},
		{"app service-owner scope granted", serviceOwner("ttd", 3, "ttd:signing-test/so"), withScopes(at(signing, firmParty, "Task_1", "read"), soCustom), true, ""},
		{"portal scope always accepted", authz.FromSession(perUser, firmParty, 2), withScopes(at(signing, firmParty, "Task_1", "write"), custom), true, ""},
		{"auth level below the obligation", perLow, at(signing, firmParty, "Task_1", "read"), false, authz.Obligation},
		{"citizen level 1 below template level 2", authz.FromSession(olaUser, olaParty, 1), at(template, olaParty, "Task_1", "read"), false, authz.Obligation},
		{"service owner below the org level", serviceOwner("ttd", 1, soRead, soWrite), at(template, firmParty, "Task_1", "read"), false, authz.Obligation},
		{"service owner at the user level", serviceOwner("ttd", 2, soRead, soWrite), at(template, firmParty, "Task_1", "read"), true, ""},
		{"no role and a low level is a role denial", citizen(kariUser, kariParty, 0, rd), at(signing, firmParty, "Task_1", "read"), false, authz.Role},
		{"data type actionRequiredToWrite sign in Task_1", per, withDataType(at(signing, firmParty, "Task_1", "write"), sigDT), false, authz.Policy},
		{"data type actionRequiredToWrite fill in Task_2", per, withDataType(at(frontend, firmParty, "Task_2", "write"), fillDT), true, ""},
		{"data type actionRequiredToWrite fill in Task_3", per, withDataType(at(frontend, firmParty, "Task_3", "write"), fillDT), false, authz.Policy},
		{"data type actionRequiredToRead sortPets in Task_3", per, withDataType(at(frontend, firmParty, "Task_3", "read"), petsDT), true, ""},
		{"data type actionRequiredToRead sortPets in Task_2", per, withDataType(at(frontend, firmParty, "Task_2", "read"), petsDT), false, authz.Policy},
		{"data type read rule ignored on write", per, withDataType(at(frontend, firmParty, "Task_2", "write"), petsDT), true, ""},
		{"machine client of an organisation", authz.Caller{Kind: authz.Org, OrgNumber: "910000001", AuthLevel: 3, Scopes: []string{rd}}, at(signing, firmParty, "Task_1", "read"), false, authz.Role},
		{"role lookup fails", citizen(brokenUser, 9999, 2, rd), at(signing, firmParty, "Task_1", "read"), false, authz.Error},
	}
}

func TestAuthorizeMatrix(t *testing.T) {
	t.Parallel()
	policies := map[string]*policy.Policy{
		signing:  corpusPolicy(t, signing),
		frontend: corpusPolicy(t, frontend),
		template: loadPolicy(t, filepath.Join("testdata", "template-policy.xml"), template),
	}
	a := authz.New(newFakeRoles())
	for _, r := range matrix() {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			d, err := a.Authorize(context.Background(), r.caller, r.target, policies[r.target.App])
			if d.Allowed != r.allowed {
				t.Fatalf("Allowed = %v, want %v (category %q, reason %q, err %v)", d.Allowed, r.allowed, d.Category, d.Reason, err)
			}
			if r.allowed {
				if d.Category != "" || err != nil {
					t.Fatalf("allowed with category %q, err %v", d.Category, err)
				}
				return
			}
			if d.Category != r.category {
				t.Fatalf("Category = %q, want %q (reason %q, err %v)", d.Category, r.category, d.Reason, err)
			}
			if d.Reason == "" {
				t.Error("denial without a reason")
			}
			checkDenialError(t, d, err)
		})
	}
}

// checkDenialError checks that errors come exactly with the categories that
// need them and that failed obligations accompany obligation denials.
func checkDenialError(t *testing.T, d authz.Decision, err error) {
	t.Helper()
	switch d.Category {
	case authz.Scope:
		if !errors.Is(err, authz.ErrScope) {
			t.Errorf("scope denial err = %v, want ErrScope", err)
		}
	case authz.Error:
		if !errors.Is(err, authz.ErrUndecided) {
			t.Errorf("error denial err = %v, want ErrUndecided", err)
		}
	default:
		if err != nil {
			t.Errorf("err = %v, want nil for a %s denial", err, d.Category)
		}
	}
	if (d.Category == authz.Obligation) != (len(d.FailedObligations) > 0) {
		t.Errorf("category %s with failed obligations %v", d.Category, d.FailedObligations)
	}
	if d.Category == authz.Obligation && d.MinAuthLevel == 0 {
		t.Error("obligation denial without MinAuthLevel")
	}
}
