// SPDX-License-Identifier: MIT

package authz

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Scopes Altinn's instance APIs accept.
const (
	ScopeInstancesRead              = "altinn:instances.read"
	ScopeInstancesWrite             = "altinn:instances.write"
	ScopeServiceOwnerInstancesRead  = "altinn:serviceowner/instances.read"
	ScopeServiceOwnerInstancesWrite = "altinn:serviceowner/instances.write"
	// ScopePortal is the scope of tokens issued to the portal (browser
	// sessions); it is accepted for every action.
	ScopePortal = "altinn:portal/enduser"
	// ScopeDeploy lets a service owner's machine client deploy, list and
	// undeploy its own org's app releases (runtime/internal/api/deploy). It is
	// Blankett's own: Altinn deploys from Studio, not by a public API.
	ScopeDeploy = "blankett:deploy"
)

// APIScopes are an app's own scopes (applicationmetadata.apiScopes). When a
// pair is set it replaces the default scopes for that kind of caller, so an
// app can admit only the clients granted its scopes.
type APIScopes struct {
	Users         ScopePair `json:"users"`
	ServiceOwners ScopePair `json:"serviceOwners"`
}

// ScopePair is the read and write scope of one kind of caller; "" keeps the
// default.
type ScopePair struct {
	Read  string `json:"read"`
	Write string `json:"write"`
}

// ParseAPIScopes reads the apiScopes object of application metadata and
// replaces the [app] placeholder with app. Empty or null input gives zero
// APIScopes (the defaults).
func ParseAPIScopes(raw json.RawMessage, app string) (APIScopes, error) {
	var s APIScopes
	if len(raw) == 0 || string(raw) == "null" {
		return s, nil
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return APIScopes{}, fmt.Errorf("authz: apiScopes: %w", err)
	}
	for _, p := range []*string{&s.Users.Read, &s.Users.Write, &s.ServiceOwners.Read, &s.ServiceOwners.Write} {
		*p = strings.ReplaceAll(*p, "[app]", app)
	}
	return s, nil
}

// requiredScope returns the scope the caller needs for a read or a write,
// before the portal scope, which is always accepted.
func requiredScope(kind Kind, write bool, app *APIScopes) string {
	pair := ScopePair{Read: ScopeInstancesRead, Write: ScopeInstancesWrite}
	custom := ScopePair{}
	if kind == ServiceOwner {
		pair = ScopePair{Read: ScopeServiceOwnerInstancesRead, Write: ScopeServiceOwnerInstancesWrite}
	}
	if app != nil {
		custom = app.Users
		if kind == ServiceOwner {
			custom = app.ServiceOwners
		}
	}
	if custom.Read != "" {
		pair.Read = custom.Read
	}
	if custom.Write != "" {
		pair.Write = custom.Write
	}
	if write {
		return pair.Write
	}
	return pair.Read
}
