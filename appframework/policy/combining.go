// SPDX-License-Identifier: MIT

package policy

import "strings"

// Combining is a rule-combining algorithm. Rules never evaluate to
// Indeterminate here (what could fail is rejected by Parse), so the ordered
// variants behave like the plain ones.
type Combining string

// The supported algorithms.
const (
	// DenyOverrides: any matching Deny rule wins, else any Permit. Altinn's default.
	DenyOverrides Combining = "deny-overrides"
	// PermitOverrides: any matching Permit rule wins, else any Deny.
	PermitOverrides Combining = "permit-overrides"
	// FirstApplicable: the first matching rule in file order decides.
	FirstApplicable Combining = "first-applicable"
	// DenyUnlessPermit: Permit if a Permit rule matches, else Deny.
	DenyUnlessPermit Combining = "deny-unless-permit"
	// PermitUnlessDeny: Deny if a Deny rule matches, else Permit.
	PermitUnlessDeny Combining = "permit-unless-deny"
)

// combiningAlg maps an algorithm URN (XACML 1.0, 1.1 or 3.0) to a Combining.
func combiningAlg(urn string) (Combining, bool) {
	const p1, p3 = "urn:oasis:names:tc:xacml:1.0:rule-combining-algorithm:", "urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:"
	name, ok := strings.CutPrefix(urn, p3)
	if !ok {
		if name, ok = strings.CutPrefix(urn, p1); !ok {
			name, ok = strings.CutPrefix(urn, "urn:oasis:names:tc:xacml:1.1:rule-combining-algorithm:")
		}
	}
	if !ok {
		return "", false
	}
	switch strings.TrimPrefix(name, "ordered-") {
	case "deny-overrides":
		return DenyOverrides, true
	case "permit-overrides":
		return PermitOverrides, true
	case "first-applicable":
		return FirstApplicable, true
	case "deny-unless-permit":
		return DenyUnlessPermit, true
	case "permit-unless-deny":
		return PermitUnlessDeny, true
	}
	return "", false
}
