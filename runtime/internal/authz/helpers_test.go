// SPDX-License-Identifier: MIT

package authz_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/runtime/internal/authz"
)

// The people and parties of the tests.
const (
	olaUser, olaParty   = 1001, 5001 // citizen
	kariUser, kariParty = 1002, 5002 // another citizen
	perUser, perParty   = 1003, 5003 // DAGL of the firm
	liseUser, liseParty = 1004, 5004 // REVI of the firm: a member without the needed role
	brokenUser          = 1666       // whose role lookup fails
	firmParty           = 5100       // Bakeriet AS
)

// fakeRoles gives each user PRIV for their own party, as the store adapter
// does, plus the grants listed.
type fakeRoles struct {
	own    map[int64]int64
	grants map[[2]int64][]string
}

func newFakeRoles() fakeRoles {
	return fakeRoles{
		own: map[int64]int64{olaUser: olaParty, kariUser: kariParty, perUser: perParty, liseUser: liseParty},
		grants: map[[2]int64][]string{
			{perUser, firmParty}:  {"DAGL"},
			{liseUser, firmParty}: {"REVI"},
		},
	}
}

func (f fakeRoles) Roles(_ context.Context, userID, partyID int64) ([]string, error) {
	if userID == brokenUser {
		return nil, errors.New("database is down")
	}
	roles := append([]string(nil), f.grants[[2]int64{userID, partyID}]...)
	if f.own[userID] == partyID {
		roles = append(roles, authz.RolePriv)
	}
	return roles, nil
}

// corpusPolicy loads a corpus app's policy.xml bound to org ttd.
func corpusPolicy(t *testing.T, app string) *policy.Policy {
	t.Helper()
	return loadPolicy(t, filepath.Join(testcorpus.Path(t, "apps"), app, "App", "config", "authorization", "policy.xml"), app)
}

func loadPolicy(t *testing.T, path, app string) *policy.Policy {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := policy.ParseBytes(b, policy.Options{Org: "ttd", App: app})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return p
}

// Callers.
func citizen(user, party int64, level int, scopes ...string) authz.Caller {
	return authz.Caller{Kind: authz.User, UserID: user, PartyID: party, AuthLevel: level, Scopes: scopes}
}

func serviceOwner(org string, level int, scopes ...string) authz.Caller {
	return authz.Caller{Kind: authz.ServiceOwner, Org: org, OrgNumber: "991825827", AuthLevel: level, Scopes: scopes}
}

// Targets: an instance of ttd/app owned by party in task (or ended when task
// is "EndEvent_1").
func at(app string, party int64, task, action string) authz.Target {
	t := authz.Target{Org: "ttd", App: app, InstanceOwnerPartyID: party, Action: action,
		InstanceID: fmt.Sprintf("%d/0f8fad5b-d9cb-469f-a165-70867728950e", party)}
	if task == "EndEvent_1" {
		t.EndEvent = task
	} else {
		t.Task = task
	}
	return t
}
