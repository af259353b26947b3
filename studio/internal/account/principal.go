// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"strings"
)

// Authenticator is what other studio packages (git smart HTTP, the API) need from
// accounts. Its shape is stable: consumers may declare the same interface locally.
type Authenticator interface {
	// Authenticate checks a user name with a password or a personal API token (the
	// token may be given with any user name that owns it, or the empty name). It wraps
	// ErrBadCredentials for every failure a client could cause, so callers answer 401
	// without learning which part was wrong.
	Authenticate(ctx context.Context, user, tokenOrPassword string) (Principal, error)
	// Can reports whether p may act with perm on app in org. app may be empty for
	// org-level actions. A lookup failure answers false: deny is the safe default.
	Can(ctx context.Context, p Principal, org, app string, perm Permission) bool
}

// Principal is an authenticated studio user.
type Principal struct {
	// UserID is the user's database id.
	UserID int64
	// Username is the login name, also the git author name.
	Username string
	// Email is the user's address (may be empty), the git author e-mail.
	Email string
	// InstallationAdmin may create orgs.
	InstallationAdmin bool
	// TokenID is the personal API token used, 0 for a password or session login.
	TokenID int64
}

// Permission is an action on an org's apps. Compare with ==; build deploy rights with
// Deploy.
type Permission string

// The permissions. Read: member of any team of the org. Edit and Release: Owners or
// Devs. Admin (manage teams and members): Owners. Deploy(env): Deploy-<env>.
const (
	Read    Permission = "read"
	Edit    Permission = "edit"
	Release Permission = "release"
	Admin   Permission = "admin"
)

const deployPrefix = "deploy:"

// Deploy is the right to deploy to environment env (e.g. "test", "production").
func Deploy(env string) Permission { return Permission(deployPrefix + strings.ToLower(env)) }

// DeployEnv returns the environment of a Deploy permission and whether p is one.
func (p Permission) DeployEnv() (string, bool) {
	env, ok := strings.CutPrefix(string(p), deployPrefix)
	return env, ok && env != ""
}
