// SPDX-License-Identifier: MIT

// Package gitrepo keeps every app as a bare git repository under
// <data>/repos/<org>/<app>.git and is the only code that writes to them from
// the studio.
//
// Every save is one commit. Commit builds the new tree from the expected
// parent, writes the objects with go-git and then moves the branch with a
// compare-and-swap: if the branch no longer points at the expected parent
// (another tab saved, or somebody pushed with git), the save fails with
// ErrStale and nothing moves. There is no silent merge anywhere: merging a
// working branch into main runs `git merge-tree --write-tree` and returns
// every conflicted file (ErrConflict); a clean merge moves main with the same
// compare-and-swap.
//
// The compare-and-swap takes git's own ref lock (refs/heads/<b>.lock, created
// exclusively, then renamed over the ref), not go-git's
// Storer.CheckAndSetReference. CheckAndSetReference flocks the ref file and
// rewrites it in place, which `git receive-pack` (pushes through
// git-http-backend) neither sees nor respects: a push and a save at the same
// moment could both "win" and one would vanish from the branch. With git's
// lock protocol, go-git writers and git writers exclude each other and
// readers never see a half-written ref.
//
// Users save on their own working branch, users/<name>, created from main on
// first use. Revert undoes one commit as a new commit; when a file it touched
// has changed since, Revert reports a conflict instead of guessing.
//
// Reads (a file at a revision, a tree listing, a paged log, a diff with the
// semantic changes from appframework/diff) go through go-git. FS gives an
// fs.FS of a revision, which appframework/app and appframework/lint load.
//
// New apps come from a template embedded in the binary: an Altinn v8 app with
// one layout set, one page, a tiny data model, a one-task process and a
// policy. The template passes appframework/lint without errors.
package gitrepo
