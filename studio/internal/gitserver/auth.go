// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"errors"
)

// Permission is what a request needs on an app.
type Permission string

// The permissions the git server asks for.
const (
	// PermRead allows clone and fetch.
	PermRead Permission = "read"
	// PermEdit allows push.
	PermEdit Permission = "edit"
)

// Principal is an authenticated user as the git server needs it.
type Principal struct {
	// Name is the user name; git-http-backend gets it as REMOTE_USER.
	Name string
	// Email, when known, goes into the reflog identity.
	Email string
	// Account is the account package's own principal, for Can.
	Account any
}

// Authenticator is the narrow view of studio accounts the git server
// consumes; the studio adapts its account service to it.
type Authenticator interface {
	// Authenticate checks a user name and a token (or password). It returns
	// ErrUnauthenticated, or any error, when they do not match.
	Authenticate(ctx context.Context, user, tokenOrPassword string) (Principal, error)
	// Can reports whether p has perm on org/app.
	Can(ctx context.Context, p Principal, org, app string, perm Permission) bool
}

// ErrUnauthenticated is what an Authenticator returns for wrong credentials.
var ErrUnauthenticated = errors.New("gitserver: wrong user name or token")
