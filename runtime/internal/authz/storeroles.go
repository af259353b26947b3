// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/blankett/blankett/runtime/internal/store"
)

// RolePriv is the role of a person acting for their own person party.
const RolePriv = "PRIV"

// StoreRoles implements Roles with the runtime store: the roles granted in
// role_assignments, plus PRIV for the user's own party.
type StoreRoles struct {
	Store *store.Store
}

var _ Roles = StoreRoles{}

// Roles implements Roles. An unknown user has no roles; that is not an error.
func (r StoreRoles) Roles(ctx context.Context, userID, partyID int64) ([]string, error) {
	u, err := r.Store.GetUser(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("authz: roles: %w", err)
	}
	roles, err := r.Store.RolesFor(ctx, userID, partyID)
	if err != nil {
		return nil, fmt.Errorf("authz: roles: %w", err)
	}
	if u.PartyID == partyID && !slices.Contains(roles, RolePriv) {
		roles = append(roles, RolePriv)
		slices.Sort(roles)
	}
	return roles, nil
}
