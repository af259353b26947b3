// SPDX-License-Identifier: MIT

package release

import (
	"errors"
	"fmt"

	"github.com/blankett/blankett/appframework/lint"
)

// Sentinel errors; the edge maps them to problems.
var (
	// ErrInvalid: a version name or other input breaks a rule (400).
	ErrInvalid = errors.New("release: invalid input")
	// ErrNotFound: no such app, revision, release or environment (404).
	ErrNotFound = errors.New("release: not found")
	// ErrExists: the version is taken, as a release or a git tag (409).
	ErrExists = errors.New("release: version exists")
	// ErrLint: lint found errors in the commit; see *LintError (422).
	ErrLint = errors.New("release: lint found errors")
	// ErrRuntime: the environment's runtime refused the deploy or could not be
	// reached (502); the deploy row records why.
	ErrRuntime = errors.New("release: runtime refused or unreachable")
	// ErrNotConfigured: the environment has no credentials to deploy with (503).
	ErrNotConfigured = errors.New("release: environment not configured")
)

// LintError is a refused release: the lint report of the commit.
type LintError struct{ Report lint.Report }

// Error implements error.
func (e *LintError) Error() string {
	return fmt.Sprintf("release: lint found %d errors", e.Report.Count(lint.Error))
}

// Is makes errors.Is(err, ErrLint) true.
func (e *LintError) Is(target error) bool { return target == ErrLint }
