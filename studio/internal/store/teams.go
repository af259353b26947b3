// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"
)

// Team is a named group of users in an org; its name decides its rights.
type Team struct {
	ID        int64 `gorm:"primaryKey"`
	OrgID     int64
	Name      string
	CreatedAt time.Time
}

// TableName implements gorm's tabler.
func (Team) TableName() string { return "studio_teams" }

// TeamMember puts a user in a team.
type TeamMember struct {
	TeamID    int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64 `gorm:"primaryKey;autoIncrement:false"`
	CreatedAt time.Time
}

// TableName implements gorm's tabler.
func (TeamMember) TableName() string { return "studio_team_members" }

// Member is a user as listed in a team.
type Member struct {
	UserID   int64
	Username string
	FullName string
	Since    time.Time
}

// CreateTeam adds a team called name to org orgID. A taken name is ErrDuplicate.
func (s *Store) CreateTeam(ctx context.Context, orgID int64, name string) (Team, error) {
	t := Team{OrgID: orgID, Name: name, CreatedAt: s.Now()}
	return t, wrap("create team", s.db(ctx).Create(&t).Error)
}

// Teams returns the teams of orgID by name.
func (s *Store) Teams(ctx context.Context, orgID int64) ([]Team, error) {
	var ts []Team
	return ts, wrap("list teams", s.db(ctx).Where("org_id = ?", orgID).Order("name").Find(&ts).Error)
}

// TeamByName returns org orgID's team called name.
func (s *Store) TeamByName(ctx context.Context, orgID int64, name string) (Team, error) {
	var t Team
	return t, wrap("team by name", s.db(ctx).Where("org_id = ? AND name = ?", orgID, name).Take(&t).Error)
}

// TeamNamesOf returns the names of the teams in org orgID that userID belongs to.
func (s *Store) TeamNamesOf(ctx context.Context, orgID, userID int64) ([]string, error) {
	var names []string
	err := s.db(ctx).Table("studio_teams t").Joins("JOIN studio_team_members m ON m.team_id = t.id").
		Where("t.org_id = ? AND m.user_id = ?", orgID, userID).Order("t.name").Pluck("t.name", &names).Error
	return names, wrap("teams of user", err)
}

// Members lists team teamID's members by username.
func (s *Store) Members(ctx context.Context, teamID int64) ([]Member, error) {
	var ms []Member
	err := s.db(ctx).Table("studio_team_members m").Select("u.id AS user_id, u.username, u.full_name, m.created_at AS since").
		Joins("JOIN studio_users u ON u.id = m.user_id").Where("m.team_id = ?", teamID).Order("u.username").Scan(&ms).Error
	return ms, wrap("list members", err)
}

// AddMember puts userID in team teamID. A member already there is ErrDuplicate.
func (s *Store) AddMember(ctx context.Context, teamID, userID int64) error {
	m := TeamMember{TeamID: teamID, UserID: userID, CreatedAt: s.Now()}
	return wrap("add member", s.db(ctx).Create(&m).Error)
}

// RemoveMember takes userID out of team teamID. A user who is not a member is
// ErrNotFound.
func (s *Store) RemoveMember(ctx context.Context, teamID, userID int64) error {
	res := s.db(ctx).Delete(&TeamMember{}, "team_id = ? AND user_id = ?", teamID, userID)
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("remove member", ErrNotFound)
	}
	return wrap("remove member", res.Error)
}

// CountMembers counts team teamID's members, locking the team row on PostgreSQL so that
// two concurrent removals cannot both see a second member (last-owner check).
func (s *Store) CountMembers(ctx context.Context, teamID int64) (int64, error) {
	var t Team
	if err := s.forUpdate(s.db(ctx)).Where("id = ?", teamID).Take(&t).Error; err != nil {
		return 0, wrap("count members", err)
	}
	var n int64
	err := s.db(ctx).Model(&TeamMember{}).Where("team_id = ?", teamID).Count(&n).Error
	return n, wrap("count members", err)
}
