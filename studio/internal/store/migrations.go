// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Migrations returns the store's schema changes, numbered after the studio
// installation table (version 1).
func Migrations() []dbx.Migration {
	return []dbx.Migration{
		{Version: 2, Name: "create studio users, identities, sessions and tokens", Up: migrateAccountsV2},
		{Version: 3, Name: "create studio orgs, teams and team members", Up: migrateOrgsV3},
	}
}

// Frozen tables of migration 2.
type userV2 struct {
	ID                int64     `gorm:"primaryKey;autoIncrement"`
	Username          string    `gorm:"size:40;not null;uniqueIndex:uq_studio_users_username"`
	FullName          string    `gorm:"size:200;not null"`
	Email             string    `gorm:"size:320;not null"`
	PasswordHash      string    `gorm:"size:200;not null"`
	InstallationAdmin bool      `gorm:"not null"`
	CreatedAt         time.Time `gorm:"not null"`
	UpdatedAt         time.Time `gorm:"not null"`
}

func (userV2) TableName() string { return "studio_users" }

type identityV2 struct {
	ID        int64     `gorm:"primaryKey;autoIncrement"`
	UserID    int64     `gorm:"not null;index:ix_studio_identities_user"`
	Issuer    string    `gorm:"size:500;not null;uniqueIndex:uq_studio_identities_subject"`
	Subject   string    `gorm:"size:255;not null;uniqueIndex:uq_studio_identities_subject"`
	CreatedAt time.Time `gorm:"not null"`
	User      *userV2   `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (identityV2) TableName() string { return "studio_identities" }

type sessionV2 struct {
	ID                string    `gorm:"primaryKey;size:64"`
	UserID            int64     `gorm:"not null;index:ix_studio_sessions_user"`
	CreatedAt         time.Time `gorm:"not null"`
	LastSeenAt        time.Time `gorm:"not null"`
	IdleSeconds       int64     `gorm:"not null"`
	IdleExpiresAt     time.Time `gorm:"not null"`
	AbsoluteExpiresAt time.Time `gorm:"not null"`
	User              *userV2   `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (sessionV2) TableName() string { return "studio_sessions" }

type tokenV2 struct {
	ID         int64     `gorm:"primaryKey;autoIncrement"`
	UserID     int64     `gorm:"not null;index:ix_studio_tokens_user"`
	Name       string    `gorm:"size:100;not null"`
	Prefix     string    `gorm:"size:16;not null"`
	Hash       string    `gorm:"size:64;not null;uniqueIndex:uq_studio_tokens_hash"`
	CreatedAt  time.Time `gorm:"not null"`
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
	User       *userV2 `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (tokenV2) TableName() string { return "studio_tokens" }

func migrateAccountsV2(_ context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&userV2{}, &identityV2{}, &sessionV2{}, &tokenV2{})
}

// Frozen tables of migration 3.
type orgV3 struct {
	ID        int64     `gorm:"primaryKey;autoIncrement"`
	Name      string    `gorm:"size:30;not null;uniqueIndex:uq_studio_orgs_name"`
	FullName  string    `gorm:"size:200;not null"`
	CreatedAt time.Time `gorm:"not null"`
}

func (orgV3) TableName() string { return "studio_orgs" }

type teamV3 struct {
	ID        int64     `gorm:"primaryKey;autoIncrement"`
	OrgID     int64     `gorm:"not null;uniqueIndex:uq_studio_teams_org_name"`
	Name      string    `gorm:"size:60;not null;uniqueIndex:uq_studio_teams_org_name"`
	CreatedAt time.Time `gorm:"not null"`
	Org       *orgV3    `gorm:"foreignKey:OrgID;constraint:OnDelete:CASCADE"`
}

func (teamV3) TableName() string { return "studio_teams" }

type teamMemberV3 struct {
	TeamID    int64     `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64     `gorm:"primaryKey;autoIncrement:false;index:ix_studio_team_members_user"`
	CreatedAt time.Time `gorm:"not null"`
	Team      *teamV3   `gorm:"foreignKey:TeamID;constraint:OnDelete:CASCADE"`
	User      *userV2   `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (teamMemberV3) TableName() string { return "studio_team_members" }

func migrateOrgsV3(_ context.Context, tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&orgV3{}, &teamV3{}, &teamMemberV3{})
}
