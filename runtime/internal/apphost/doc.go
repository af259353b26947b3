// SPDX-License-Identifier: MIT

// Package apphost keeps the runtime's deployed app releases: each one loaded from
// its files, linted and compiled once (process definition, policy bound to its
// org and app, validator, renderer) and then shared, read-only, by every request.
//
// A Host holds several apps and several versions of each side by side. Every app
// has a current version, which new instances use; an instance stays pinned to the
// version it was created with, so Get must keep answering for a version after a
// newer one is deployed and after the version is undeployed. Only Purge makes a
// version unloadable, and the caller must first make sure no instance pins it.
//
// Releases come from two places:
//
//   - LoadDir loads an app repository from a directory for local work, as version
//     "local"; Reload loads it again after the files change. Nothing is persisted.
//   - Deploy reads a release bundle, a gzip'ed tar of the app repository at a tag,
//     with strict limits (see Limits and ErrBundle), refuses an app that does not
//     load or whose lint has errors (ErrInvalidApp, with the findings), stores the
//     bundle in the blob store under releases/{org}/{app}/{version}.tar.gz and then
//     records it in the app_releases table (Migrations). Restore reloads every
//     recorded release when the runtime starts.
//
// The bundle is the unit of trust: its SHA-256 is computed while it is read,
// recorded with the row and checked again on Restore, so a bundle changed in the
// blob store is refused rather than served.
package apphost
