// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blankett/blankett/studio/internal/store"
)

// Org is an org as a principal sees it, with their own rights in it.
type Org struct {
	Name      string
	FullName  string
	CreatedAt time.Time
	// Teams are the principal's teams in the org.
	Teams  []string
	Rights Rights
}

const maxFullName = 200

// CreateOrg creates org name with the standard teams and makes p its first owner.
// Only installation admins may create orgs.
func (s *Service) CreateOrg(ctx context.Context, p Principal, name, fullName string) (Org, error) {
	if !p.InstallationAdmin {
		return Org{}, fmt.Errorf("%w: only installation admins create orgs", ErrForbidden)
	}
	if err := ValidOrgName(name); err != nil {
		return Org{}, err
	}
	fullName = strings.TrimSpace(fullName)
	if utf8.RuneCountInString(fullName) > maxFullName {
		return Org{}, fmt.Errorf("%w: full name: at most %d characters", ErrInvalid, maxFullName)
	}
	o := store.Org{Name: name, FullName: fullName}
	if err := s.st.CreateOrg(ctx, &o, s.StandardTeams(), p.UserID); errors.Is(err, store.ErrDuplicate) {
		return Org{}, fmt.Errorf("%w: org %s", ErrExists, name)
	} else if err != nil {
		return Org{}, mapStore(err)
	}
	return s.orgFor(ctx, p, o)
}

// MyOrgs lists the orgs in which p is in any team.
func (s *Service) MyOrgs(ctx context.Context, p Principal) ([]Org, error) {
	os, err := s.st.OrgsOf(ctx, p.UserID)
	if err != nil {
		return nil, mapStore(err)
	}
	out := make([]Org, 0, len(os))
	for _, o := range os {
		v, err := s.orgFor(ctx, p, o)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// OrgOf returns org as p sees it. An org p has no team in is ErrNotFound, as if it did
// not exist, so non-members cannot probe for org names.
func (s *Service) OrgOf(ctx context.Context, p Principal, org string) (Org, error) {
	o, err := s.st.OrgByName(ctx, org)
	if errors.Is(err, store.ErrNotFound) {
		return Org{}, fmt.Errorf("%w: org %s", ErrNotFound, org)
	}
	if err != nil {
		return Org{}, mapStore(err)
	}
	v, err := s.orgFor(ctx, p, o)
	if err != nil {
		return Org{}, err
	}
	if !v.Rights.Read {
		return Org{}, fmt.Errorf("%w: org %s", ErrNotFound, org)
	}
	return v, nil
}

func (s *Service) orgFor(ctx context.Context, p Principal, o store.Org) (Org, error) {
	teams, err := s.st.TeamNamesOf(ctx, o.ID, p.UserID)
	if err != nil {
		return Org{}, mapStore(err)
	}
	return Org{Name: o.Name, FullName: o.FullName, CreatedAt: o.CreatedAt, Teams: teams, Rights: s.rightsOf(teams)}, nil
}

// EnsureStandardTeams adds the standard teams that existing orgs lack, e.g. after an
// environment was added to the configuration.
func (s *Service) EnsureStandardTeams(ctx context.Context) error {
	os, err := s.st.ListOrgs(ctx)
	if err != nil {
		return mapStore(err)
	}
	for _, o := range os {
		for _, name := range s.StandardTeams() {
			if _, err := s.st.TeamByName(ctx, o.ID, name); err == nil {
				continue
			}
			if _, err := s.st.CreateTeam(ctx, o.ID, name); err != nil && !isDuplicate(err) {
				return mapStore(err)
			}
		}
	}
	return nil
}
