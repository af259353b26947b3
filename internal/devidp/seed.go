// SPDX-License-Identifier: MIT

package devidp

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// ErrSeed reports a seed that cannot be read or is inconsistent.
var ErrSeed = errors.New("devidp: invalid seed")

//go:embed seed.json
var defaultSeed []byte

// User is a test person.
type User struct {
	// Sub is the OIDC subject (ID-porten's is a pseudonym, so it differs from PID).
	Sub string `json:"sub"`
	// PID is the 11-digit national identity number.
	PID  string `json:"pid"`
	Name string `json:"name"`
	// UserID and PartyID are the Altinn-style ids the platform gives this person.
	UserID  string `json:"userId"`
	PartyID int64  `json:"partyId"`
	Locale  string `json:"locale,omitempty"`
}

// Organisation is a test organisation.
type Organisation struct {
	OrgNumber string `json:"orgNumber"`
	Name      string `json:"name"`
	PartyID   int64  `json:"partyId"`
}

// RoleAssignment gives a person roles (ER role codes such as DAGL, REGNA) for an
// organisation.
type RoleAssignment struct {
	PID       string   `json:"pid"`
	OrgNumber string   `json:"orgNumber"`
	Roles     []string `json:"roles"`
}

// Seed is the test data of the dev IdP.
type Seed struct {
	Users         []User           `json:"users"`
	Organisations []Organisation   `json:"organisations"`
	Roles         []RoleAssignment `json:"roles"`
}

// DefaultSeed returns the embedded seed: five fictional persons with synthetic numbers
// and two organisations with DAGL and REGNA roles.
func DefaultSeed() Seed {
	s, err := ParseSeed(defaultSeed)
	if err != nil {
		panic("devidp: embedded seed is invalid: " + err.Error()) // caught by the tests
	}
	return s
}

// LoadSeed reads a seed from a JSON file.
func LoadSeed(path string) (Seed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Seed{}, fmt.Errorf("%w: %v", ErrSeed, err)
	}
	return ParseSeed(data)
}

// ParseSeed decodes and checks a seed: unknown fields, malformed or duplicate numbers and
// roles for unknown persons or organisations are errors, so typos show at start-up.
func ParseSeed(data []byte) (Seed, error) {
	var s Seed
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Seed{}, fmt.Errorf("%w: %v", ErrSeed, err)
	}
	return s, s.validate()
}

func (s Seed) validate() error {
	pids, subs, orgs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, u := range s.Users {
		if !digits(u.PID, 11) || u.Sub == "" || u.Name == "" || pids[u.PID] || subs[u.Sub] {
			return fmt.Errorf("%w: user %q: need unique sub, unique 11-digit pid and name", ErrSeed, u.Sub)
		}
		pids[u.PID], subs[u.Sub] = true, true
	}
	for _, o := range s.Organisations {
		if !digits(o.OrgNumber, 9) || o.Name == "" || orgs[o.OrgNumber] {
			return fmt.Errorf("%w: organisation %q: need unique 9-digit number and name", ErrSeed, o.OrgNumber)
		}
		orgs[o.OrgNumber] = true
	}
	for _, r := range s.Roles {
		if !pids[r.PID] || !orgs[r.OrgNumber] || len(r.Roles) == 0 {
			return fmt.Errorf("%w: role assignment %s@%s: unknown person or organisation, or no roles", ErrSeed, r.PID, r.OrgNumber)
		}
	}
	return nil
}

// UserByPID finds a user by national identity number.
func (s Seed) UserByPID(pid string) (User, bool) {
	for _, u := range s.Users {
		if u.PID == pid {
			return u, true
		}
	}
	return User{}, false
}

// RolesOf returns the role assignments of the person with pid.
func (s Seed) RolesOf(pid string) []RoleAssignment {
	var out []RoleAssignment
	for _, r := range s.Roles {
		if r.PID == pid {
			out = append(out, r)
		}
	}
	return out
}

// Organisation finds an organisation by number.
func (s Seed) Organisation(orgNumber string) (Organisation, bool) {
	for _, o := range s.Organisations {
		if o.OrgNumber == orgNumber {
			return o, true
		}
	}
	return Organisation{}, false
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
