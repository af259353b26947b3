// SPDX-License-Identifier: MIT

// Package apps serves studio's app and editing API over the git repositories of
// studio/internal/gitrepo: the apps of an org (list, create from the template, copy,
// delete), an app's overview, reading any file, and the typed saves of the designer.
//
// Every save is exactly one commit on the caller's working branch users/<name>,
// created from main on first use. The request names the commit it was based on
// (If-Match, or a parent field): when the branch has moved since (another tab saved,
// somebody pushed with git), the answer is 409 stale_parent carrying the current
// head, and nothing is written; the client reloads and applies its change again.
// Nothing is ever merged silently. A save answers with the new commit and the lint
// findings of the new head, so the designer shows errors as they appear.
//
// Renames (a component id, a text key) rewrite every file that refers to the old
// name in the same commit, so no state exists in which a reference dangles. A rename
// to a name that exists is refused (409 name_taken) before anything is written.
//
// Input is checked before a commit is made: a layout that is not JSON (400 with line
// and column), a component the model refuses, XML that is not well-formed, an XSD
// that does not convert. A refused save commits nothing.
//
// The designer's read views (the data models with their binding paths, the layout
// sets with their pages, a page preview) list what is broken beside what is not;
// the preview renders through appframework/render as the runtime does, with
// appframework/sampledata, and keeps the loaded app per commit.
package apps
