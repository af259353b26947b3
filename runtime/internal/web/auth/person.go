// SPDX-License-Identifier: MIT

package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/runtime/internal/store"
)

// usernamePrefix namespaces users created by login, keyed by national identity number,
// so they cannot collide with usernames given by hand (which have no colon).
const usernamePrefix = "pid:"

// upsertPerson finds or creates the person's party and user; in dev mode it also
// creates the seed's organisations and grants the seed's roles. Each step is
// idempotent and a concurrent first login is resolved by re-reading after
// ErrDuplicate, so no transaction is needed (and PostgreSQL would abort one on the
// duplicate anyway).
func (h *Handler) upsertPerson(ctx context.Context, id *authn.Identity) (store.User, error) {
	s := h.opt.Store
	name := id.Name
	if name == "" {
		name = "(name not given)"
	}
	pid := id.NationalID
	party, err := ensure(func() (store.Party, error) { return s.PartyBySSN(ctx, pid) },
		func() (store.Party, error) {
			return s.CreateParty(ctx, store.Party{Type: store.PartyPerson, SSN: &pid, Name: name})
		})
	if err != nil {
		return store.User{}, err
	}
	user, err := ensure(func() (store.User, error) { return s.UserByUsername(ctx, usernamePrefix+pid) },
		func() (store.User, error) {
			return s.CreateUser(ctx, store.User{Username: usernamePrefix + pid, PartyID: party.ID})
		})
	if err != nil {
		return store.User{}, err
	}
	if user.PartyID != party.ID {
		return store.User{}, fmt.Errorf("auth: user %d belongs to party %d, not %d: %w", user.ID, user.PartyID, party.ID, store.ErrConflict)
	}
	if h.seed != nil {
		if err := h.grantSeedRoles(ctx, user.ID, pid); err != nil {
			return store.User{}, err
		}
	}
	return user, nil
}

// grantSeedRoles gives the user the dev seed's roles, creating the organisations.
func (h *Handler) grantSeedRoles(ctx context.Context, userID int64, pid string) error {
	s := h.opt.Store
	for _, ra := range h.seed.RolesOf(pid) {
		org, _ := h.seed.Organisation(ra.OrgNumber)
		num := ra.OrgNumber
		p, err := ensure(func() (store.Party, error) { return s.PartyByOrgNumber(ctx, num) },
			func() (store.Party, error) {
				return s.CreateParty(ctx, store.Party{Type: store.PartyOrganisation, OrgNumber: &num, Name: org.Name})
			})
		if err != nil {
			return err
		}
		for _, role := range ra.Roles {
			if err := s.GrantRole(ctx, userID, p.ID, role); err != nil {
				return err
			}
		}
	}
	return nil
}

// ensure reads a row, creating it when absent; losing a creation race reads again.
func ensure[T any](get, create func() (T, error)) (T, error) {
	v, err := get()
	if !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	v, err = create()
	if errors.Is(err, store.ErrDuplicate) {
		return get()
	}
	return v, err
}
