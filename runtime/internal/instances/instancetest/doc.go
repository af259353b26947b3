// SPDX-License-Identifier: MIT

// Package instancetest sets up what tests of the instance service and of the
// services built on it (PDF receipts) start from: a migrated runtime database, a
// file blob store, an app host with one app loaded, and an organisation party.
package instancetest
