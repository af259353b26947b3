// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/blankett/blankett/studio/internal/store"
)

// Team is a team with its members.
type Team struct {
	Name    string
	Members []Member
}

// Member is a user in a team.
type Member struct {
	Username string
	FullName string
	Since    time.Time
}

func isDuplicate(err error) bool { return errors.Is(err, store.ErrDuplicate) }

// Teams lists org's teams with their members; any member of the org may look.
func (s *Service) Teams(ctx context.Context, p Principal, org string) ([]Team, error) {
	o, err := s.authorize(ctx, p, org, Read)
	if err != nil {
		return nil, err
	}
	ts, err := s.st.Teams(ctx, o.ID)
	if err != nil {
		return nil, mapStore(err)
	}
	out := make([]Team, 0, len(ts))
	for _, t := range ts {
		ms, err := s.st.Members(ctx, t.ID)
		if err != nil {
			return nil, mapStore(err)
		}
		team := Team{Name: t.Name, Members: make([]Member, len(ms))}
		for i, m := range ms {
			team.Members[i] = Member{Username: m.Username, FullName: m.FullName, Since: m.Since}
		}
		out = append(out, team)
	}
	return out, nil
}

// AddMember puts user in org's team; only owners may.
func (s *Service) AddMember(ctx context.Context, p Principal, org, team, user string) error {
	o, err := s.authorize(ctx, p, org, Admin)
	if err != nil {
		return err
	}
	t, u, err := s.teamAndUser(ctx, o, team, user)
	if err != nil {
		return err
	}
	return mapStore(s.st.AddMember(ctx, t.ID, u.ID))
}

// RemoveMember takes user out of org's team; only owners may. The last owner cannot be
// removed: an org without owners could never be administered again.
func (s *Service) RemoveMember(ctx context.Context, p Principal, org, team, user string) error {
	o, err := s.authorize(ctx, p, org, Admin)
	if err != nil {
		return err
	}
	return s.st.Tx(ctx, func(tx *store.Store) error {
		t, u, err := (&Service{st: tx, opt: s.opt}).teamAndUser(ctx, o, team, user)
		if err != nil {
			return err
		}
		if t.Name != TeamOwners {
			return mapStore(tx.RemoveMember(ctx, t.ID, u.ID))
		}
		// Counting first locks the team row, so two owners removing each other at once
		// are serialised and the second sees the first's removal.
		if _, err := tx.CountMembers(ctx, t.ID); err != nil {
			return mapStore(err)
		}
		if err := tx.RemoveMember(ctx, t.ID, u.ID); err != nil {
			return mapStore(err)
		}
		n, err := tx.CountMembers(ctx, t.ID)
		if err != nil {
			return mapStore(err)
		}
		if n == 0 {
			return fmt.Errorf("%w: %s is the last owner of %s", ErrConflict, u.Username, o.Name)
		}
		return nil
	})
}

// authorize returns org if p holds perm in it. A non-member gets ErrNotFound (the org's
// existence is not revealed); a member without perm gets ErrForbidden.
func (s *Service) authorize(ctx context.Context, p Principal, org string, perm Permission) (store.Org, error) {
	o, err := s.st.OrgByName(ctx, org)
	if errors.Is(err, store.ErrNotFound) {
		return o, fmt.Errorf("%w: org %s", ErrNotFound, org)
	}
	if err != nil {
		return o, mapStore(err)
	}
	teams, err := s.st.TeamNamesOf(ctx, o.ID, p.UserID)
	if err != nil {
		return o, mapStore(err)
	}
	r := s.rightsOf(teams)
	switch {
	case !r.Read:
		return o, fmt.Errorf("%w: org %s", ErrNotFound, org)
	case !r.Has(perm):
		return o, fmt.Errorf("%w: you lack the %s right in %s", ErrForbidden, perm, org)
	}
	return o, nil
}

func (s *Service) teamAndUser(ctx context.Context, o store.Org, team, user string) (store.Team, store.User, error) {
	t, err := s.st.TeamByName(ctx, o.ID, team)
	if errors.Is(err, store.ErrNotFound) {
		return t, store.User{}, fmt.Errorf("%w: %s has no team %q", ErrNotFound, o.Name, team)
	}
	if err != nil {
		return t, store.User{}, mapStore(err)
	}
	u, err := s.st.UserByName(ctx, strings.ToLower(strings.TrimSpace(user)))
	if errors.Is(err, store.ErrNotFound) {
		return t, u, fmt.Errorf("%w: no user %q", ErrNotFound, user)
	}
	return t, u, mapStore(err)
}
