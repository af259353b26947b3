// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"crypto/rand"
	"errors"

	"github.com/blankett/blankett/studio/internal/store"
)

// Dev-mode demo data: Altinn's test org and one developer in every team of it.
const (
	DevOrg      = "ttd"
	DevOrgName  = "Testdepartementet"
	DevUsername = "dev"
)

// SeedDev creates the demo org and the dev user (an installation admin in every team of
// it) and sets the dev user's password to password, or to a fresh random one when
// password is empty. It returns the password so the caller can print it. Running it
// again is safe.
func (s *Service) SeedDev(ctx context.Context, password string) (string, error) {
	if password == "" {
		password = rand.Text()
	}
	p, created, err := s.EnsureAdmin(ctx, DevUsername, password)
	if err != nil {
		return "", err
	}
	if !created {
		u, err := s.st.UserByID(ctx, p.UserID)
		if err != nil {
			return "", mapStore(err)
		}
		if err := validPassword(u.Username, password); err != nil {
			return "", err
		}
		u.PasswordHash = HashPassword(password, s.opt.Argon2)
		if err := s.st.UpdateUser(ctx, &u); err != nil {
			return "", mapStore(err)
		}
	}
	if _, err := s.CreateOrg(ctx, p, DevOrg, DevOrgName); err != nil && !errors.Is(err, ErrExists) {
		return "", err
	}
	if err := s.EnsureStandardTeams(ctx); err != nil {
		return "", err
	}
	err = s.st.Tx(ctx, func(tx *store.Store) error { return s.joinAll(ctx, tx, DevOrg, p.UserID) })
	return password, mapStore(err)
}
