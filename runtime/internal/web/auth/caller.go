// SPDX-License-Identifier: MIT

package auth

import (
	"context"
	"slices"
)

// Kind says how a Caller authenticated.
type Kind int

// Caller kinds.
const (
	// Anonymous is a request without a valid session or token.
	Anonymous Kind = iota
	// Person is a person, by session cookie or by a platform token with a user id.
	Person
	// Machine is a machine client, by a platform token from the JWT grant.
	Machine
)

// String returns the kind's name as used in logs.
func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Machine:
		return "machine"
	}
	return "anonymous"
}

// Caller is who is calling. The zero value is the anonymous caller.
type Caller struct {
	// Kind says how the caller authenticated.
	Kind Kind
	// UserID is the person's user id; UserPartyID is their own (person) party.
	UserID, UserPartyID int64
	// PartyID is the party the caller acts for: the party selected in the session, the
	// person's own party by default, or urn:altinn:partyid of a token.
	PartyID int64
	// AuthLevel is Altinn's authentication level, 0–4.
	AuthLevel int
	// ClientID, Org and OrgNumber describe a machine client (Org only for service owners).
	ClientID, Org, OrgNumber string
	// Scopes are the scopes of a platform token; sessions carry none.
	Scopes []string
	// ViaSession reports that the caller came with the session cookie (so a
	// state-changing request relies on the platform's cross-origin protection).
	ViaSession bool
}

// Authenticated reports whether the caller is not anonymous.
func (c Caller) Authenticated() bool { return c.Kind != Anonymous }

// HasScope reports whether the caller's token grants scope.
func (c Caller) HasScope(scope string) bool { return slices.Contains(c.Scopes, scope) }

type callerKey struct{}

// WithCaller returns ctx carrying c.
func WithCaller(ctx context.Context, c Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller in ctx, or the anonymous caller.
func CallerFrom(ctx context.Context) Caller {
	c, _ := ctx.Value(callerKey{}).(Caller)
	return c
}

// sessionKey carries the raw session token of the request, for logout and party
// selection; it never leaves the process.
type sessionKey struct{}

func withSessionToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, sessionKey{}, token)
}

func sessionTokenFrom(ctx context.Context) string {
	t, _ := ctx.Value(sessionKey{}).(string)
	return t
}
