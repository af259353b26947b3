// SPDX-License-Identifier: MIT

package account

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// orgName follows Altinn's org codes: lowercase letters, digits and hyphens, starting
	// with a letter and ending with a letter or digit, 2–30 characters.
	orgName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,28}[a-z0-9]$`)
	// username allows what git hosting usually does, lowercase only so that "Kari" and
	// "kari" cannot be two people.
	username = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,38}$`)
	// envName is an environment as it appears in a Deploy-<env> team name.
	envName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,29}$`)
)

// reservedOrgs would collide with studio's own paths or Altinn's org-level repos.
var reservedOrgs = map[string]bool{"api": true, "admin": true, "assets": true, "studio": true, "repos": true,
	"login": true, "logout": true, "user": true, "users": true, "orgs": true, "datamodels": true}

// minPasswordLen follows NIST SP 800-63B for memorised secrets chosen by the user
// (at least 8; we ask a little more since studio guards publishing rights).
const minPasswordLen = 10

// ValidOrgName reports whether name can name an org.
func ValidOrgName(name string) error {
	if !orgName.MatchString(name) || strings.Contains(name, "--") {
		return fmt.Errorf("%w: org name %q: use 2–30 lowercase letters, digits and single hyphens, starting with a letter", ErrInvalid, name)
	}
	if reservedOrgs[name] {
		return fmt.Errorf("%w: org name %q is reserved", ErrInvalid, name)
	}
	return nil
}

// ValidUsername reports whether name can name a user.
func ValidUsername(name string) error {
	if !username.MatchString(name) {
		return fmt.Errorf("%w: username %q: use 1–39 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit", ErrInvalid, name)
	}
	return nil
}

// ValidEnvironment reports whether env can name a deploy environment.
func ValidEnvironment(env string) error {
	if !envName.MatchString(env) {
		return fmt.Errorf("%w: environment %q: use lowercase letters, digits and hyphens, starting with a letter", ErrInvalid, env)
	}
	return nil
}

func validPassword(user, pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case n < minPasswordLen:
		return fmt.Errorf("%w: password: at least %d characters", ErrInvalid, minPasswordLen)
	case len(pw) > maxPasswordLen:
		return fmt.Errorf("%w: password: at most %d bytes", ErrInvalid, maxPasswordLen)
	case strings.EqualFold(pw, user):
		return fmt.Errorf("%w: password: must differ from the username", ErrInvalid)
	}
	return nil
}

// Team names. Rights come from the name, as in Altinn Studio.
const (
	TeamOwners = "Owners"
	TeamDevs   = "Devs"
	deployTeam = "Deploy-"
)

// DeployTeam is the name of the team that may deploy to env.
func DeployTeam(env string) string { return deployTeam + env }
