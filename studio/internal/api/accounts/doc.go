// SPDX-License-Identifier: MIT

// Package accounts serves studio's account API under /studio/api/v1: login with a
// password or an OpenID Provider, logout and whoami; orgs; teams and their members;
// personal API tokens; and local users for installation admins.
package accounts
