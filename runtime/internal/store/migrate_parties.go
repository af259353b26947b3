// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Frozen tables of migration 5: parties, users, role assignments, machine clients and
// sessions.
type partyV5 struct {
	ID        int64     `gorm:"primaryKey;autoIncrement"`
	Type      string    `gorm:"size:20;not null"`
	SSN       *string   `gorm:"column:ssn;size:11;uniqueIndex:uq_parties_ssn"`
	OrgNumber *string   `gorm:"size:9;uniqueIndex:uq_parties_org_number"`
	Name      string    `gorm:"size:300;not null"`
	Created   time.Time `gorm:"not null"`
}

func (partyV5) TableName() string { return "parties" }

type userV5 struct {
	ID       int64     `gorm:"primaryKey;autoIncrement"`
	Username string    `gorm:"size:100;not null;uniqueIndex:uq_users_username"`
	PartyID  int64     `gorm:"not null;uniqueIndex:uq_users_party"`
	Email    string    `gorm:"size:300;not null"`
	Created  time.Time `gorm:"not null"`
	Party    *partyV5  `gorm:"foreignKey:PartyID"`
}

func (userV5) TableName() string { return "users" }

type roleAssignmentV5 struct {
	UserID   int64     `gorm:"primaryKey;autoIncrement:false"`
	PartyID  int64     `gorm:"primaryKey;autoIncrement:false;index:ix_role_assignments_party"`
	RoleCode string    `gorm:"primaryKey;size:20"`
	Created  time.Time `gorm:"not null"`
	User     *userV5   `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
	Party    *partyV5  `gorm:"foreignKey:PartyID;constraint:OnDelete:CASCADE"`
}

func (roleAssignmentV5) TableName() string { return "role_assignments" }

type machineClientV5 struct {
	ClientID  string    `gorm:"primaryKey;size:100"`
	Org       string    `gorm:"size:64;not null"`
	OrgNumber string    `gorm:"size:9;not null"`
	Name      string    `gorm:"size:300;not null"`
	JWKS      string    `gorm:"column:jwks;type:text;not null"`
	Scopes    string    `gorm:"type:text;not null"`
	Disabled  bool      `gorm:"not null"`
	Created   time.Time `gorm:"not null"`
}

func (machineClientV5) TableName() string { return "machine_clients" }

type sessionV5 struct {
	ID                string    `gorm:"primaryKey;size:64"`
	UserID            int64     `gorm:"not null;index:ix_sessions_user"`
	PartyID           int64     `gorm:"not null"`
	AuthLevel         int       `gorm:"not null"`
	IdleSeconds       int64     `gorm:"not null"`
	Created           time.Time `gorm:"not null"`
	LastSeen          time.Time `gorm:"not null"`
	IdleExpiresAt     time.Time `gorm:"not null"`
	AbsoluteExpiresAt time.Time `gorm:"not null;index:ix_sessions_absolute_expiry"`
	User              *userV5   `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (sessionV5) TableName() string { return "sessions" }

func migrateParties(ctx context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&partyV5{}, &userV5{}, &roleAssignmentV5{}, &machineClientV5{}, &sessionV5{})
}
