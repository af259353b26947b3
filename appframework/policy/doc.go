// SPDX-License-Identifier: MIT

// Package policy evaluates an Altinn 3 app's authorization policy
// (App/config/authorization/policy.xml): the subset of XACML 3.0 that Altinn
// Studio writes and Altinn's PDP reads.
//
// Parse reads Rules whose Targets are AnyOf/AllOf/Match trees over string
// attributes: subjects by role code (urn:altinn:rolecode), service owner
// (urn:altinn:org), user, party or scope; resources by org, app, task
// (urn:altinn:task), end event (urn:altinn:end-event), party and app resource;
// and the action id. Anything else — an unknown attribute, a designator with
// MustBePresent="true", a Condition, an obligation it cannot fulfil, a
// combining algorithm it does not know, a DTD — is a parse error, so a policy never permits by accident of being half understood.
//
// Decide answers one Request with a Decision that names the rule that decided
// it, for audit logs. Rules combine by the policy's algorithm (Altinn always
// writes deny-overrides). The minimum authentication level obligation is
// enforced here rather than left to the caller: a Permit for a subject below
// the level becomes a Deny with a reason. A service owner (Subject.Org set)
// below the level passes when it meets the separate level for organisations
// (urn:altinn:minimum-authenticationlevel-org), as Altinn's app library does.
package policy
