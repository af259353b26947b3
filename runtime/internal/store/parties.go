// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// Party types.
const (
	PartyPerson       = "person"
	PartyOrganisation = "organisation"
)

// Party is someone an instance can belong to: a person (SSN) or an organisation
// (organisation number). ID is the Altinn party id.
type Party struct {
	ID        int64   `gorm:"primaryKey;autoIncrement"`
	Type      string  `gorm:"size:20"`
	SSN       *string `gorm:"column:ssn;size:11"`
	OrgNumber *string `gorm:"size:9"`
	Name      string  `gorm:"size:300"`
	Created   time.Time
}

// TableName implements gorm's tabler.
func (Party) TableName() string { return "parties" }

// User is a person who logs in; PartyID is their own (person) party.
type User struct {
	ID       int64  `gorm:"primaryKey;autoIncrement"`
	Username string `gorm:"size:100"`
	PartyID  int64
	Email    string `gorm:"size:300"`
	Created  time.Time
}

// TableName implements gorm's tabler.
func (User) TableName() string { return "users" }

// RoleAssignment gives a user a role (DAGL, REGNA, PRIV, …) for a party.
type RoleAssignment struct {
	UserID   int64  `gorm:"primaryKey;autoIncrement:false"`
	PartyID  int64  `gorm:"primaryKey;autoIncrement:false"`
	RoleCode string `gorm:"primaryKey;size:20"`
	Created  time.Time
}

// TableName implements gorm's tabler.
func (RoleAssignment) TableName() string { return "role_assignments" }

// CreateParty inserts p; a taken SSN or organisation number is ErrDuplicate.
func (s *Store) CreateParty(ctx context.Context, p Party) (Party, error) {
	if p.Created.IsZero() {
		p.Created = s.clock()
	}
	p.Created = ts(p.Created)
	return p, wrap("create party "+p.Name, s.db(ctx).Create(&p).Error)
}

// GetParty returns party id.
func (s *Store) GetParty(ctx context.Context, id int64) (Party, error) {
	var p Party
	return p, wrap(fmt.Sprintf("get party %d", id), s.db(ctx).Take(&p, id).Error)
}

// PartyBySSN returns the person party with national identity number ssn.
func (s *Store) PartyBySSN(ctx context.Context, ssn string) (Party, error) {
	var p Party
	return p, wrap("get party by ssn", s.db(ctx).Where("ssn = ?", ssn).Take(&p).Error)
}

// PartyByOrgNumber returns the organisation party with organisation number orgNo.
func (s *Store) PartyByOrgNumber(ctx context.Context, orgNo string) (Party, error) {
	var p Party
	return p, wrap("get party by org number "+orgNo, s.db(ctx).Where("org_number = ?", orgNo).Take(&p).Error)
}

// CreateUser inserts u, whose PartyID must name an existing party.
func (s *Store) CreateUser(ctx context.Context, u User) (User, error) {
	if u.Created.IsZero() {
		u.Created = s.clock()
	}
	u.Created = ts(u.Created)
	return u, wrap("create user "+u.Username, s.db(ctx).Create(&u).Error)
}

// GetUser returns user id.
func (s *Store) GetUser(ctx context.Context, id int64) (User, error) {
	var u User
	return u, wrap(fmt.Sprintf("get user %d", id), s.db(ctx).Take(&u, id).Error)
}

// UserByUsername returns the user called name.
func (s *Store) UserByUsername(ctx context.Context, name string) (User, error) {
	var u User
	return u, wrap("get user "+name, s.db(ctx).Where("username = ?", name).Take(&u).Error)
}

// GrantRole gives userID the role for partyID; granting it again is not an error.
func (s *Store) GrantRole(ctx context.Context, userID, partyID int64, role string) error {
	r := RoleAssignment{UserID: userID, PartyID: partyID, RoleCode: role, Created: s.clock()}
	err := s.db(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error
	return wrap(fmt.Sprintf("grant %s on party %d to user %d", role, partyID, userID), err)
}

// RevokeRole removes the role; revoking a role not held is not an error.
func (s *Store) RevokeRole(ctx context.Context, userID, partyID int64, role string) error {
	err := s.db(ctx).Where("user_id = ? AND party_id = ? AND role_code = ?", userID, partyID, role).
		Delete(&RoleAssignment{}).Error
	return wrap(fmt.Sprintf("revoke %s on party %d from user %d", role, partyID, userID), err)
}

// PartiesFor returns the parties userID may act for: their own party and every party
// where they hold at least one role, ordered by id.
func (s *Store) PartiesFor(ctx context.Context, userID int64) ([]Party, error) {
	var out []Party
	err := s.db(ctx).
		Where("id IN (SELECT party_id FROM users WHERE id = ?) OR id IN (SELECT party_id FROM role_assignments WHERE user_id = ?)", userID, userID).
		Order("id").Find(&out).Error
	return out, wrap(fmt.Sprintf("parties for user %d", userID), err)
}

// RolesFor returns the role codes userID holds for partyID, sorted.
func (s *Store) RolesFor(ctx context.Context, userID, partyID int64) ([]string, error) {
	var out []string
	err := s.db(ctx).Model(&RoleAssignment{}).Where("user_id = ? AND party_id = ?", userID, partyID).
		Order("role_code").Pluck("role_code", &out).Error
	return out, wrap(fmt.Sprintf("roles of user %d for party %d", userID, partyID), err)
}
