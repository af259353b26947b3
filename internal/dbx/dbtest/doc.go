// SPDX-License-Identifier: MIT

// Package dbtest runs store tests on every supported database engine: a temporary
// SQLite file always, and a fresh, private PostgreSQL database when the environment
// variable EnvPostgres names a server (CI sets it). Every store test uses Run so that
// both engines are covered by the same code.
package dbtest
