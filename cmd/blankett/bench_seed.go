// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/blankett/blankett/internal/dbx"
)

// benchSeed is the end user and organisation seeded into the runtime's store.
type benchSeed struct {
	OrgPartyID, UserPartyID, UserID int64
}

// The rows below mirror the runtime store's tables (runtime/internal/store is
// not importable from cmd); only the columns a seed needs.
type seedParty struct {
	ID        int64 `gorm:"primaryKey;autoIncrement"`
	Type      string
	SSN       *string `gorm:"column:ssn"`
	OrgNumber *string
	Name      string
	Created   time.Time
}

func (seedParty) TableName() string { return "parties" }

type seedUser struct {
	ID       int64 `gorm:"primaryKey;autoIncrement"`
	Username string
	PartyID  int64
	Email    string
	Created  time.Time
}

func (seedUser) TableName() string { return "users" }

type seedRole struct {
	UserID   int64  `gorm:"primaryKey;autoIncrement:false"`
	PartyID  int64  `gorm:"primaryKey;autoIncrement:false"`
	RoleCode string `gorm:"primaryKey"`
	Created  time.Time
}

func (seedRole) TableName() string { return "role_assignments" }

// seedEndUser creates an organisation, a person with a user and the person's
// roles for the organisation. Numbers are random so that runs against one
// PostgreSQL database do not collide.
func seedEndUser(ctx context.Context, dsn string) (benchSeed, error) {
	db, err := dbx.Open(ctx, dsn)
	if err != nil {
		return benchSeed{}, err
	}
	defer db.Close()
	now := time.Now().UTC().Truncate(time.Microsecond)
	orgNo := fmt.Sprintf("9%08d", rand.IntN(100_000_000))
	ssn := fmt.Sprintf("0101%07d", rand.IntN(10_000_000))
	org := seedParty{Type: "organisation", OrgNumber: &orgNo, Name: "Bench AS " + orgNo, Created: now}
	person := seedParty{Type: "person", SSN: &ssn, Name: "Bench Person " + ssn, Created: now}
	g := db.Gorm.WithContext(ctx)
	if err := g.Create(&org).Error; err != nil {
		return benchSeed{}, fmt.Errorf("seed organisation: %w", err)
	}
	if err := g.Create(&person).Error; err != nil {
		return benchSeed{}, fmt.Errorf("seed person: %w", err)
	}
	u := seedUser{Username: "bench-" + ssn, PartyID: person.ID, Created: now}
	if err := g.Create(&u).Error; err != nil {
		return benchSeed{}, fmt.Errorf("seed user: %w", err)
	}
	// DAGL fills in and signs; A0237 (REVI) signs the second signing task of signing-test.
	for _, r := range []string{"DAGL", "A0237"} {
		if err := g.Create(&seedRole{UserID: u.ID, PartyID: org.ID, RoleCode: r, Created: now}).Error; err != nil {
			return benchSeed{}, fmt.Errorf("seed role %s: %w", r, err)
		}
	}
	return benchSeed{OrgPartyID: org.ID, UserPartyID: person.ID, UserID: u.ID}, nil
}
