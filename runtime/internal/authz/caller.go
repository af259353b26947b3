// SPDX-License-Identifier: MIT

package authz

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/blankett/blankett/internal/authn"
)

// Kind classifies a caller the way Altinn's app library does.
type Kind uint8

// Caller kinds. The zero value is None, so a forgotten Caller is anonymous.
const (
	// None is a request without a verified token or session.
	None Kind = iota
	// User is a person, by API token or browser session, acting for a party.
	User
	// Org is an organisation's machine client (Maskinporten) that is not a
	// service owner.
	Org
	// ServiceOwner is a machine client of the organisation that owns apps
	// (its token carries urn:altinn:org).
	ServiceOwner
	// SystemUser is a vendor's system acting for a customer organisation.
	SystemUser
)

// String returns the kind's name as Altinn spells it.
func (k Kind) String() string {
	switch k {
	case User:
		return "User"
	case Org:
		return "Org"
	case ServiceOwner:
		return "ServiceOwner"
	case SystemUser:
		return "SystemUser"
	}
	return "None"
}

// Caller is who makes a request, built from verified token claims or a
// browser session. It carries no secrets and may be logged.
type Caller struct {
	Kind Kind
	// UserID is the person's user id; 0 for machines.
	UserID int64
	// PartyID is the party the caller acts for: a token's own party, or the
	// party selected in a browser session.
	PartyID int64
	// AuthLevel is the authentication level, 0–4.
	AuthLevel int
	// Org is the service-owner code (urn:altinn:org), set for ServiceOwner.
	Org string
	// OrgNumber is the organisation number of a machine client.
	OrgNumber string
	// Scopes are the token's scopes; a browser session has ScopePortal.
	Scopes []string
	// ClientID is the machine or API client, for logs.
	ClientID string
}

// FromClaims classifies verified platform-token claims: urn:altinn:org makes a
// ServiceOwner, a user id a User, an organisation number alone an Org, and
// anything else None. Only a malformed user id is an error.
func FromClaims(c authn.Claims) (Caller, error) {
	out := Caller{
		PartyID:   c.PartyID,
		AuthLevel: c.AuthLevel,
		Org:       c.Org,
		OrgNumber: c.OrgNumber,
		Scopes:    slices.Clone(c.Scopes),
		ClientID:  c.ClientID,
	}
	if c.UserID != "" {
		id, err := strconv.ParseInt(c.UserID, 10, 64)
		if err != nil || id <= 0 {
			return Caller{}, fmt.Errorf("%w: user id %q", ErrInvalidCaller, c.UserID)
		}
		out.UserID = id
	}
	switch {
	case c.Org != "":
		out.Kind = ServiceOwner
	case out.UserID != 0:
		out.Kind = User
	case c.OrgNumber != "":
		out.Kind = Org
	default:
		out.Kind = None
	}
	return out, nil
}

// FromSession is the caller of a browser session: the logged-in user acting
// for the party they selected. It holds the portal scope, as Altinn's portal
// tokens do, so every scope check accepts it.
func FromSession(userID, partyID int64, authLevel int) Caller {
	if userID <= 0 {
		return Caller{}
	}
	return Caller{Kind: User, UserID: userID, PartyID: partyID, AuthLevel: authLevel, Scopes: []string{ScopePortal}}
}

// hasScope reports whether the caller holds any of scopes.
func (c Caller) hasScope(scopes ...string) bool {
	for _, s := range scopes {
		if s != "" && slices.Contains(c.Scopes, s) {
			return true
		}
	}
	return false
}
