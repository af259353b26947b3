// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/studio/internal/store"
)

// Options configure a Service.
type Options struct {
	// Store holds the rows.
	Store *store.Store
	// Environments are the deploy environments; each org gets a Deploy-<env> team.
	// Default: test and production.
	Environments []string
	// Idle and Absolute are the session timeouts; default 12 hours and 7 days.
	Idle, Absolute time.Duration
	// Argon2 are the cost parameters for new password hashes; default DefaultArgon2.
	Argon2 Argon2Params
	// JoinOnFirstLogin names an org whose every team a user created by an external
	// login joins; dev mode sets it to the demo org. Empty in production.
	JoinOnFirstLogin string
}

// Service is studio's account logic. It implements Authenticator.
type Service struct {
	st    *store.Store
	opt   Options
	dummy string // hash checked for unknown users, so timing does not reveal who exists
}

var _ Authenticator = (*Service)(nil)

// DefaultEnvironments are the deploy environments when none are configured.
var DefaultEnvironments = []string{"test", "production"}

// New checks opts and returns a Service.
func New(opts Options) (*Service, error) {
	if opts.Store == nil {
		return nil, fmt.Errorf("%w: a store is required", ErrInvalid)
	}
	if len(opts.Environments) == 0 {
		opts.Environments = DefaultEnvironments
	}
	seen := map[string]bool{}
	for _, env := range opts.Environments {
		if err := ValidEnvironment(env); err != nil {
			return nil, err
		}
		if seen[env] {
			return nil, fmt.Errorf("%w: environment %q given twice", ErrInvalid, env)
		}
		seen[env] = true
	}
	if opts.Idle <= 0 {
		opts.Idle = 12 * time.Hour
	}
	if opts.Absolute <= 0 {
		opts.Absolute = 7 * 24 * time.Hour
	}
	if opts.Argon2 == (Argon2Params{}) {
		opts.Argon2 = DefaultArgon2
	}
	return &Service{st: opts.Store, opt: opts, dummy: HashPassword("no such user", opts.Argon2)}, nil
}

// Environments returns the deploy environments.
func (s *Service) Environments() []string { return append([]string(nil), s.opt.Environments...) }

// StandardTeams are the teams every org has, Owners first.
func (s *Service) StandardTeams() []string {
	teams := []string{TeamOwners, TeamDevs}
	for _, env := range s.opt.Environments {
		teams = append(teams, DeployTeam(env))
	}
	return teams
}

// principalOf is the principal of user u.
func principalOf(u store.User) Principal {
	return Principal{UserID: u.ID, Username: u.Username, Email: u.Email, InstallationAdmin: u.InstallationAdmin}
}

// mapStore turns store sentinels into this package's, keeping the chain.
func mapStore(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	case errors.Is(err, store.ErrDuplicate):
		return fmt.Errorf("%w: %w", ErrExists, err)
	}
	return fmt.Errorf("account: %w", err)
}

// User returns the principal of the user called name, e.g. to refresh a principal.
func (s *Service) User(ctx context.Context, name string) (Principal, error) {
	u, err := s.st.UserByName(ctx, name)
	if err != nil {
		return Principal{}, mapStore(err)
	}
	return principalOf(u), nil
}
