// SPDX-License-Identifier: MIT

// Package account holds studio's people and their rights: local users with argon2id
// passwords, server-side sessions, personal API tokens, orgs and their teams.
//
// Other studio packages depend only on the narrow Authenticator interface in
// principal.go: Authenticate turns a user name and a password or personal token (HTTP
// Basic for git, Bearer for the CLI) into a Principal, and Can answers whether that
// principal may do something to an org's app. Rights follow Altinn Studio's team names:
// Owners administer the org, Owners and Devs edit and release, Deploy-<env> deploys.
//
// Errors are sentinels wrapped with the "account:" prefix; callers branch with errors.Is.
package account
