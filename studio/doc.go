// SPDX-License-Identifier: MIT

// Package studio hosts app repositories and the designer: orgs, users and teams,
// the editing API where every save is a commit, git smart HTTP, releases, deploys and
// preview.
package studio
