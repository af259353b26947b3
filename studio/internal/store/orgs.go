// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"
)

// Org is a service owner: it owns app repositories and has teams.
type Org struct {
	ID        int64 `gorm:"primaryKey"`
	Name      string
	FullName  string
	CreatedAt time.Time
}

// TableName implements gorm's tabler.
func (Org) TableName() string { return "studio_orgs" }

// CreateOrg inserts o with a team for each of teams and adds ownerID (when not 0) to
// the first of them, all in one transaction. A taken name is ErrDuplicate.
func (s *Store) CreateOrg(ctx context.Context, o *Org, teams []string, ownerID int64) error {
	return s.Tx(ctx, func(tx *Store) error {
		o.CreatedAt = tx.Now()
		if err := tx.db(ctx).Create(o).Error; err != nil {
			return wrap("create org", err)
		}
		for i, name := range teams {
			t, err := tx.CreateTeam(ctx, o.ID, name)
			if err != nil {
				return err
			}
			if i == 0 && ownerID != 0 {
				if err := tx.AddMember(ctx, t.ID, ownerID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// OrgByName returns the org called name.
func (s *Store) OrgByName(ctx context.Context, name string) (Org, error) {
	var o Org
	return o, wrap("org by name", s.db(ctx).Where("name = ?", name).Take(&o).Error)
}

// ListOrgs returns every org by name.
func (s *Store) ListOrgs(ctx context.Context) ([]Org, error) {
	var os []Org
	return os, wrap("list orgs", s.db(ctx).Order("name").Find(&os).Error)
}

// OrgsOf returns the orgs in which userID is a member of any team, by name.
func (s *Store) OrgsOf(ctx context.Context, userID int64) ([]Org, error) {
	var os []Org
	err := s.db(ctx).Where("id IN (?)", s.db(ctx).Table("studio_teams t").Select("t.org_id").
		Joins("JOIN studio_team_members m ON m.team_id = t.id").Where("m.user_id = ?", userID)).
		Order("name").Find(&os).Error
	return os, wrap("orgs of user", err)
}
