// SPDX-License-Identifier: MIT

// Package authz is the policy enforcement point of the runtime: every instance,
// data and process endpoint asks an Authorizer before it acts.
//
// A request is checked in Altinn's order. A caller without a token is
// unauthenticated. The token's scopes must cover the action (read scopes for
// read, write scopes for everything else; the service-owner scopes for service
// owners; the app's own apiScopes when application metadata names them; the
// portal scope always). A service owner may act only on its own apps. The
// subject's roles for the instance owner come from a Roles lookup, and then
// the app's policy.xml decides, with its minimum authentication level
// obligations. Anything that goes wrong denies.
//
// Decision.Category says why a request was denied so the transport layer can
// choose 401 or 403 and a problem code; Decision.Reason is safe to show.
package authz
