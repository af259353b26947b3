// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"slices"
	"strings"
)

// Rights is what a principal may do in one org, derived from team names.
type Rights struct {
	Read, Edit, Release, Admin bool
	// Deploy lists the environments the principal may deploy to.
	Deploy []string
}

// Has reports whether the rights include perm.
func (r Rights) Has(perm Permission) bool {
	if env, ok := perm.DeployEnv(); ok {
		return slices.Contains(r.Deploy, env)
	}
	switch perm {
	case Read:
		return r.Read
	case Edit:
		return r.Edit
	case Release:
		return r.Release
	case Admin:
		return r.Admin
	}
	return false
}

// rightsOf derives rights from team names. Team names compare case-insensitively, as
// Altinn Studio matches Deploy-<env>; only configured environments count.
func (s *Service) rightsOf(teams []string) Rights {
	var r Rights
	for _, t := range teams {
		r.Read = true
		switch {
		case strings.EqualFold(t, TeamOwners):
			r.Edit, r.Release, r.Admin = true, true, true
		case strings.EqualFold(t, TeamDevs):
			r.Edit, r.Release = true, true
		case len(t) > len(deployTeam) && strings.EqualFold(t[:len(deployTeam)], deployTeam):
			env := strings.ToLower(t[len(deployTeam):])
			if slices.Contains(s.opt.Environments, env) && !slices.Contains(r.Deploy, env) {
				r.Deploy = append(r.Deploy, env)
			}
		}
	}
	slices.Sort(r.Deploy)
	return r
}

// RightsIn returns p's rights in org. An unknown org gives no rights and ErrNotFound.
func (s *Service) RightsIn(ctx context.Context, p Principal, org string) (Rights, error) {
	o, err := s.st.OrgByName(ctx, org)
	if err != nil {
		return Rights{}, mapStore(err)
	}
	teams, err := s.st.TeamNamesOf(ctx, o.ID, p.UserID)
	if err != nil {
		return Rights{}, mapStore(err)
	}
	return s.rightsOf(teams), nil
}

// Can implements Authenticator. Rights are per org today; app is accepted so that
// per-repository rules can come without changing callers.
func (s *Service) Can(ctx context.Context, p Principal, org, _ string, perm Permission) bool {
	if p.UserID == 0 {
		return false
	}
	r, err := s.RightsIn(ctx, p, org)
	return err == nil && r.Has(perm)
}
