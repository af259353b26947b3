// SPDX-License-Identifier: MIT

// Package sqlite stands in for github.com/glebarez/go-sqlite, the SQLite driver
// that the gorm dialector github.com/glebarez/sqlite was built on. The go.mod of
// Blankett replaces that module with this one, so the dialector talks to
// modernc.org/sqlite's own driver instead. That driver keeps each prepared
// statement parsed, where glebarez's parses the SQL text again on every
// execution (docs/benchmarks.md, "Session 5"). Both drivers register the name
// "sqlite", so they cannot be linked into one binary side by side.
//
// The dialector needs one thing from the driver package: the error type it
// translates into gorm's duplicate-key and foreign-key errors.
package sqlite

import msqlite "modernc.org/sqlite"

// Error is the driver's error; its Code is SQLite's extended result code.
type Error = msqlite.Error
