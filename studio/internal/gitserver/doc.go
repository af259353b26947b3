// SPDX-License-Identifier: MIT

// Package gitserver serves the app repositories over git's smart HTTP
// protocol at /repos/<org>/<app>.git, so service owners can clone, pull and
// push with any git client.
//
// The protocol itself is Debian git's git-http-backend, run through
// net/http/cgi (go-git v5 has no HTTP server). In front of it, in Go:
//
//   - HTTP Basic authentication through an Authenticator (user name and an
//     access token as the password); missing or wrong credentials get 401
//     with a Basic challenge, so git asks for them.
//   - Reading (clone, fetch) needs PermRead on the app, pushing needs
//     PermEdit; without it, 403 before git runs.
//   - Only git's own paths are passed on; anything else is 404.
//   - Git configuration through the environment, for every repository:
//     receive.denyNonFastForwards and receive.denyDeletes, so no push can
//     rewrite or delete a branch, for anyone (history is never lost on the
//     server; working branches are reset or removed in the studio);
//     receive.fsckObjects, so corrupt objects are refused; core.hooksPath
//     pointing nowhere, so no hook in a repository folder ever runs.
//   - After a push lands, OnPush is called once per branch or tag that
//     moved, with the old and new commit. Refs are compared before and after
//     receive-pack in Go instead of with shell hooks. LintOnPush is a ready
//     OnPush that lints the new head and hands the report on.
//
// Pushes and studio saves exclude each other through git's ref lock (see
// studio/internal/gitrepo), so a save based on a commit a push has replaced
// fails with gitrepo.ErrStale instead of overwriting it.
package gitserver
