// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
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
	orgNo := fmt.Sprintf("9%08d", mrand.IntN(100_000_000))
	ssn := fmt.Sprintf("0101%07d", mrand.IntN(10_000_000))
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

type seedSession struct {
	ID                string `gorm:"primaryKey"`
	UserID            int64
	PartyID           int64
	AuthLevel         int
	IdleSeconds       int64
	Created           time.Time
	LastSeen          time.Time
	IdleExpiresAt     time.Time
	AbsoluteExpiresAt time.Time
}

func (seedSession) TableName() string { return "sessions" }

// seedBrowserSession stores a login session of the seeded user acting for the
// organisation, as the login flow would after ID-porten, and returns the cookie
// value: the forms UI serves browsers, which hold a session, not a token. The
// store keeps the token's SHA-256, as runtime/internal/store does.
func seedBrowserSession(ctx context.Context, dsn string, seed benchSeed, ttl time.Duration) (string, error) {
	db, err := dbx.Open(ctx, dsn)
	if err != nil {
		return "", err
	}
	defer db.Close()
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token := base64.RawURLEncoding.EncodeToString(raw)
	sum := sha256.Sum256([]byte(token))
	now := time.Now().UTC().Truncate(time.Microsecond)
	s := seedSession{ID: hex.EncodeToString(sum[:]), UserID: seed.UserID, PartyID: seed.OrgPartyID, AuthLevel: 3,
		IdleSeconds: int64(ttl / time.Second), Created: now, LastSeen: now, IdleExpiresAt: now.Add(ttl), AbsoluteExpiresAt: now.Add(ttl)}
	if err := db.Gorm.WithContext(ctx).Create(&s).Error; err != nil {
		return "", fmt.Errorf("seed session: %w", err)
	}
	return token, nil
}
