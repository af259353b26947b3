// SPDX-License-Identifier: MIT

// Package dbx opens the SQL database (SQLite by default, PostgreSQL in production)
// through gorm, runs versioned goose migrations written against frozen structs, checks
// for schema drift and maps driver errors to the sentinel errors ErrNotFound and
// ErrDuplicate so that callers never depend on one engine's error codes.
package dbx
