// SPDX-License-Identifier: MIT

// Package platform boots a server process from a config.Base: it opens the logger, the
// database (running each role's migrations) and the blob store, mounts the roles
// (studio, runtime) on one public engine, starts the admin listener with readiness
// checks, and serves until the context ends. cmd/blankett composes roles with it.
package platform
