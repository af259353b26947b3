// SPDX-License-Identifier: MIT

package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Sentinel errors. Callers test with errors.Is; the edge maps them to
// problem codes.
var (
	// ErrInvalidName: an org, app, user or branch name breaks the naming rules.
	ErrInvalidName = errors.New("gitrepo: invalid name")
	// ErrReservedName: the app name is reserved (datamodels).
	ErrReservedName = errors.New("gitrepo: reserved name")
	// ErrExists: the app (or branch) already exists.
	ErrExists = errors.New("gitrepo: already exists")
	// ErrNotFound: no such app, branch, commit or file.
	ErrNotFound = errors.New("gitrepo: not found")
	// ErrStale: the branch has moved since the expected parent was read;
	// reload and apply the change again (HTTP 409).
	ErrStale = errors.New("gitrepo: branch has moved since it was read")
	// ErrConflict: a merge or revert touches files changed on both sides;
	// the error is a *ConflictError listing them (HTTP 409).
	ErrConflict = errors.New("gitrepo: conflict")
	// ErrLocked: the branch stayed locked by another writer (a git push in
	// progress, or a lock left by a crash) for longer than the lock timeout.
	ErrLocked = errors.New("gitrepo: branch is locked")
	// ErrBadChange: a change has an invalid path or both content and delete.
	ErrBadChange = errors.New("gitrepo: invalid change")
	// ErrNothingToDo: the merge or commit would change nothing.
	ErrNothingToDo = errors.New("gitrepo: nothing to do")
	// ErrGitVersion: the git CLI is missing or older than 2.38.
	ErrGitVersion = errors.New("gitrepo: git 2.38 or newer is required")
)

// Conflict is one file that cannot be merged or reverted automatically.
type Conflict struct {
	Path string `json:"path"`
	// Kind is git's conflict type ("content", "modify/delete",
	// "add/add"…) or "changed-since" for a revert.
	Kind string `json:"kind"`
	// Message is git's explanation, for people.
	Message string `json:"message,omitempty"`
}

// ConflictError lists the conflicted files of a merge or revert. It matches
// ErrConflict with errors.Is.
type ConflictError struct {
	Op        string
	Conflicts []Conflict
}

// Error lists the conflicted paths.
func (e *ConflictError) Error() string {
	paths := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		paths[i] = c.Path
	}
	return fmt.Sprintf("gitrepo: %s: conflict in %s", e.Op, strings.Join(paths, ", "))
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// errEOF is io.EOF, which go-git's iterators return at the end.
var errEOF = io.EOF
