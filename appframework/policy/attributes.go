// SPDX-License-Identifier: MIT

package policy

// XACML categories and the attribute ids Altinn policies use.
const (
	CategorySubject  = "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject"
	CategoryResource = "urn:oasis:names:tc:xacml:3.0:attribute-category:resource"
	CategoryAction   = "urn:oasis:names:tc:xacml:3.0:attribute-category:action"

	AttrRoleCode    = "urn:altinn:rolecode"
	AttrOrg         = "urn:altinn:org"
	AttrUserID      = "urn:altinn:userid"
	AttrPartyID     = "urn:altinn:partyid"
	AttrScope       = "urn:scope"
	AttrApp         = "urn:altinn:app"
	AttrTask        = "urn:altinn:task"
	AttrEndEvent    = "urn:altinn:end-event"
	AttrAppResource = "urn:altinn:appresource"
	AttrActionID    = "urn:oasis:names:tc:xacml:1.0:action:action-id"
)

// Obligation categories: the minimum authentication level for everyone, and
// the level a service owner (urn:altinn:org) may have instead.
const (
	CategoryMinAuthLevel    = "urn:altinn:minimum-authenticationlevel"
	CategoryMinAuthLevelOrg = "urn:altinn:minimum-authenticationlevel-org"
)

// getter reads an attribute's bag of values from a request.
type getter func(r *Request) []string

func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// attributes maps every supported attribute to its getter. An attribute not
// here is rejected by Parse: matching it against nothing would make Deny rules
// silently inert.
var attributes = map[Attribute]getter{
	{CategorySubject, AttrRoleCode}:     func(r *Request) []string { return r.Subject.Roles },
	{CategorySubject, AttrOrg}:          func(r *Request) []string { return one(r.Subject.Org) },
	{CategorySubject, AttrUserID}:       func(r *Request) []string { return one(r.Subject.UserID) },
	{CategorySubject, AttrPartyID}:      func(r *Request) []string { return one(r.Subject.PartyID) },
	{CategorySubject, AttrScope}:        func(r *Request) []string { return r.Subject.Scopes },
	{CategoryResource, AttrOrg}:         func(r *Request) []string { return one(r.Resource.Org) },
	{CategoryResource, AttrApp}:         func(r *Request) []string { return one(r.Resource.App) },
	{CategoryResource, AttrTask}:        func(r *Request) []string { return one(r.Resource.Task) },
	{CategoryResource, AttrEndEvent}:    func(r *Request) []string { return one(r.Resource.EndEvent) },
	{CategoryResource, AttrPartyID}:     func(r *Request) []string { return one(r.Resource.PartyID) },
	{CategoryResource, AttrAppResource}: func(r *Request) []string { return one(r.Resource.AppResource) },
	{CategoryAction, AttrActionID}:      func(r *Request) []string { return one(r.Action) },
}
