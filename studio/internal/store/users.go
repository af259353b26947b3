// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"time"
)

// User is a studio account. PasswordHash is empty for a user who logs in only through
// the OpenID Provider.
type User struct {
	ID                int64 `gorm:"primaryKey"`
	Username          string
	FullName          string
	Email             string
	PasswordHash      string
	InstallationAdmin bool
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// TableName implements gorm's tabler.
func (User) TableName() string { return "studio_users" }

// Identity links a user to a subject at an OpenID Provider.
type Identity struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Issuer    string
	Subject   string
	CreatedAt time.Time
}

// TableName implements gorm's tabler.
func (Identity) TableName() string { return "studio_identities" }

// CreateUser inserts u and fills its id. A taken username is ErrDuplicate.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	now := s.Now()
	u.CreatedAt, u.UpdatedAt = now, now
	return wrap("create user", s.db(ctx).Create(u).Error)
}

// UserByID returns the user with id.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	var u User
	return u, wrap("user by id", s.db(ctx).Where("id = ?", id).Take(&u).Error)
}

// UserByName returns the user called username (stored lowercase).
func (s *Store) UserByName(ctx context.Context, username string) (User, error) {
	var u User
	return u, wrap("user by name", s.db(ctx).Where("username = ?", username).Take(&u).Error)
}

// UpdateUser writes u's mutable fields (full name, e-mail, password hash, admin flag).
func (s *Store) UpdateUser(ctx context.Context, u *User) error {
	u.UpdatedAt = s.Now()
	res := s.db(ctx).Model(&User{}).Where("id = ?", u.ID).Select("full_name", "email", "password_hash",
		"installation_admin", "updated_at").Updates(u)
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("update user", ErrNotFound)
	}
	return wrap("update user", res.Error)
}

// UserByIdentity returns the user linked to subject at issuer.
func (s *Store) UserByIdentity(ctx context.Context, issuer, subject string) (User, error) {
	var u User
	err := s.db(ctx).Joins("JOIN studio_identities i ON i.user_id = studio_users.id").
		Where("i.issuer = ? AND i.subject = ?", issuer, subject).Take(&u).Error
	return u, wrap("user by identity", err)
}

// LinkIdentity links user to subject at issuer. A subject linked already is
// ErrDuplicate.
func (s *Store) LinkIdentity(ctx context.Context, userID int64, issuer, subject string) error {
	id := Identity{UserID: userID, Issuer: issuer, Subject: subject, CreatedAt: s.Now()}
	return wrap("link identity", s.db(ctx).Create(&id).Error)
}
