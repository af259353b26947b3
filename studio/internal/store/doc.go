// SPDX-License-Identifier: MIT

// Package store keeps studio's rows in SQL through gorm: users and their external
// identities, login sessions, personal API tokens, orgs, teams and team members. Every
// table is prefixed "studio_" so that studio and runtime can share one database.
//
// The store checks nothing but keys and uniqueness; rules (who may do what, name syntax)
// live in studio/internal/account. Migrations declare frozen structs, so an old
// migration keeps producing the same schema after the models here change.
package store
