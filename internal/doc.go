// SPDX-License-Identifier: MIT

// Package internal groups the plumbing shared by studio and runtime: HTTP helpers,
// database access and migrations, blob storage, configuration and observability.
package internal
