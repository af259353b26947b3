// SPDX-License-Identifier: MIT

package policy

import (
	"fmt"
	"strconv"
)

// applyAuthLevel enforces the minimum authentication level obligations on a
// Permit, with the rule of Altinn's app library (DecisionHelper): the subject
// needs urn:altinn:minimum-authenticationlevel; a service owner (Org set)
// below it passes if it meets urn:altinn:minimum-authenticationlevel-org.
// Several obligations of one kind take the strictest. The obligation is
// enforced here so that no caller can forget it.
func applyAuthLevel(d *Decision, s *Subject) {
	if d.Effect != Permit {
		return
	}
	minLevel, hasMin := maxLevel(d.Obligations, CategoryMinAuthLevel)
	if !hasMin {
		return
	}
	d.MinAuthLevel = minLevel
	if s.AuthLevel >= minLevel {
		return
	}
	if orgLevel, hasOrg := maxLevel(d.Obligations, CategoryMinAuthLevelOrg); hasOrg && s.Org != "" {
		d.MinAuthLevel = orgLevel
		if s.AuthLevel >= orgLevel {
			return
		}
	}
	d.Effect = Deny
	d.Reason = fmt.Sprintf("rule %s permits, but authentication level %d is below the required %d",
		d.RuleID, s.AuthLevel, d.MinAuthLevel)
}

// maxLevel returns the highest level among assignments of the category.
// Parse has checked that the values are integers.
func maxLevel(obs []Obligation, category string) (int, bool) {
	best, found := 0, false
	for _, o := range obs {
		for _, a := range o.Assignments {
			if a.Category != category {
				continue
			}
			n, err := strconv.Atoi(a.Value)
			if err != nil {
				continue
			}
			if !found || n > best {
				best, found = n, true
			}
		}
	}
	return best, found
}
