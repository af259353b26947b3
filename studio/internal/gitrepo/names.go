// SPDX-License-Identifier: MIT

package gitrepo

import (
	"fmt"
	"strings"
)

// MainBranch is the branch releases are built from.
const MainBranch = "main"

// userBranchPrefix holds the working branches, one per user.
const userBranchPrefix = "users/"

// CheckApp checks an app name against Altinn Studio's rules: 3–30
// characters, lowercase letters, digits and '-', starting with a letter and
// ending with a letter or digit; "datamodels" is reserved.
func CheckApp(name string) error {
	if len(name) < 3 || len(name) > 30 {
		return fmt.Errorf("%w: app name %q must be 3 to 30 characters long", ErrInvalidName, name)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isLower(c) && !isDigit(c) && c != '-' {
			return fmt.Errorf("%w: app name %q may only hold lowercase letters a-z, digits and '-'", ErrInvalidName, name)
		}
	}
	if !isLower(name[0]) {
		return fmt.Errorf("%w: app name %q must start with a letter", ErrInvalidName, name)
	}
	if last := name[len(name)-1]; last == '-' {
		return fmt.Errorf("%w: app name %q must end with a letter or digit", ErrInvalidName, name)
	}
	if name == "datamodels" {
		return fmt.Errorf("%w: app name %q is reserved for the org's data models", ErrReservedName, name)
	}
	return nil
}

// CheckOrg checks an org name: letters, digits, '-', '_' and '.', 1–40
// characters, starting with a letter or digit. The start rule also keeps
// "." and ".." out, since the name becomes a folder.
func CheckOrg(name string) error {
	if name == "" || len(name) > 40 {
		return fmt.Errorf("%w: org name %q must be 1 to 40 characters long", ErrInvalidName, name)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !isLower(c) && !isDigit(c) && !(c >= 'A' && c <= 'Z') && c != '-' && c != '_' && c != '.' {
			return fmt.Errorf("%w: org name %q may only hold letters, digits, '-', '_' and '.'", ErrInvalidName, name)
		}
	}
	if c := name[0]; !isLower(c) && !isDigit(c) && !(c >= 'A' && c <= 'Z') {
		return fmt.Errorf("%w: org name %q must start with a letter or digit", ErrInvalidName, name)
	}
	if strings.HasSuffix(name, ".git") || strings.HasSuffix(name, ".") {
		return fmt.Errorf("%w: org name %q must not end with '.' or '.git'", ErrInvalidName, name)
	}
	return nil
}

// UserBranch returns the working branch of user, users/<user>, or
// ErrInvalidName when the user name cannot be part of a branch name.
func UserBranch(user string) (string, error) {
	if err := checkSegment("user", user); err != nil {
		return "", err
	}
	return userBranchPrefix + user, nil
}

// CheckBranch checks a branch name: main, or segments separated by '/' of
// letters, digits, '-', '_' and '.', none starting with '.' or ending with
// ".lock" (git's own rules, narrowed).
func CheckBranch(name string) error {
	if name == "" {
		return fmt.Errorf("%w: empty branch name", ErrInvalidName)
	}
	for seg := range strings.SplitSeq(name, "/") {
		if err := checkSegment("branch", seg); err != nil {
			return fmt.Errorf("%w (in branch %q)", err, name)
		}
	}
	return nil
}

func checkSegment(what, s string) error {
	if s == "" || len(s) > 64 {
		return fmt.Errorf("%w: %s name %q must be 1 to 64 characters long", ErrInvalidName, what, s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLower(c) && !isDigit(c) && !(c >= 'A' && c <= 'Z') && c != '-' && c != '_' && c != '.' {
			return fmt.Errorf("%w: %s name %q may only hold letters, digits, '-', '_' and '.'", ErrInvalidName, what, s)
		}
	}
	if s[0] == '.' || s[0] == '-' || strings.HasSuffix(s, ".lock") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
		return fmt.Errorf("%w: %s name %q must not start with '.' or '-', end with '.' or '.lock', or hold '..'", ErrInvalidName, what, s)
	}
	return nil
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
