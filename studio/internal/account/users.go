// SPDX-License-Identifier: MIT

package account

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blankett/blankett/studio/internal/store"
)

// NewUser describes a local user to create.
type NewUser struct {
	Username, FullName, Email, Password string
	InstallationAdmin                   bool
}

// CreateUser creates a local user with a password; only installation admins may.
func (s *Service) CreateUser(ctx context.Context, p Principal, n NewUser) (Principal, error) {
	if !p.InstallationAdmin {
		return Principal{}, fmt.Errorf("%w: only installation admins create users", ErrForbidden)
	}
	return s.createUser(ctx, n)
}

func (s *Service) createUser(ctx context.Context, n NewUser) (Principal, error) {
	n.Username = strings.ToLower(strings.TrimSpace(n.Username))
	if err := ValidUsername(n.Username); err != nil {
		return Principal{}, err
	}
	if err := validPassword(n.Username, n.Password); err != nil {
		return Principal{}, err
	}
	n.FullName, n.Email = strings.TrimSpace(n.FullName), strings.TrimSpace(n.Email)
	if utf8.RuneCountInString(n.FullName) > maxFullName {
		return Principal{}, fmt.Errorf("%w: full name: at most %d characters", ErrInvalid, maxFullName)
	}
	if n.Email != "" && (len(n.Email) > 320 || !strings.Contains(n.Email, "@") || strings.ContainsAny(n.Email, " <>\r\n")) {
		return Principal{}, fmt.Errorf("%w: e-mail address %q", ErrInvalid, n.Email)
	}
	u := store.User{Username: n.Username, FullName: n.FullName, Email: n.Email,
		PasswordHash: HashPassword(n.Password, s.opt.Argon2), InstallationAdmin: n.InstallationAdmin}
	if err := s.st.CreateUser(ctx, &u); errors.Is(err, store.ErrDuplicate) {
		return Principal{}, fmt.Errorf("%w: user %s", ErrExists, n.Username)
	} else if err != nil {
		return Principal{}, mapStore(err)
	}
	return principalOf(u), nil
}

// ChangePassword replaces p's password after checking the current one, and ends every
// session of p, so a stolen session does not survive the change.
func (s *Service) ChangePassword(ctx context.Context, p Principal, current, next string) error {
	if _, err := s.LoginPassword(ctx, p.Username, current); err != nil {
		return err
	}
	if err := validPassword(p.Username, next); err != nil {
		return err
	}
	u, err := s.st.UserByID(ctx, p.UserID)
	if err != nil {
		return mapStore(err)
	}
	u.PasswordHash = HashPassword(next, s.opt.Argon2)
	if err := s.st.UpdateUser(ctx, &u); err != nil {
		return mapStore(err)
	}
	return mapStore(s.st.DeleteSessionsOf(ctx, u.ID))
}

// EnsureAdmin makes sure an installation admin called name exists: it creates the user
// with password when missing, and otherwise only sets the admin flag, never the
// password, so a password changed since is kept.
func (s *Service) EnsureAdmin(ctx context.Context, name, password string) (Principal, bool, error) {
	u, err := s.st.UserByName(ctx, strings.ToLower(name))
	if errors.Is(err, store.ErrNotFound) {
		p, err := s.createUser(ctx, NewUser{Username: name, Password: password, InstallationAdmin: true})
		return p, err == nil, err
	}
	if err != nil {
		return Principal{}, false, mapStore(err)
	}
	if !u.InstallationAdmin {
		u.InstallationAdmin = true
		if err := s.st.UpdateUser(ctx, &u); err != nil {
			return Principal{}, false, mapStore(err)
		}
	}
	return principalOf(u), false, nil
}

// External is a person verified by an OpenID Provider.
type External struct {
	Issuer, Subject, Name string
}

// LoginExternal returns the user linked to the external identity, creating and linking
// one at the first login. The new user has no password and no teams (in dev mode they
// join every team of Options.JoinOnFirstLogin).
func (s *Service) LoginExternal(ctx context.Context, x External) (Principal, error) {
	if x.Issuer == "" || x.Subject == "" {
		return Principal{}, fmt.Errorf("%w: issuer and subject required", ErrBadCredentials)
	}
	u, err := s.st.UserByIdentity(ctx, x.Issuer, x.Subject)
	if err == nil {
		return principalOf(u), nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return Principal{}, mapStore(err)
	}
	name := strings.TrimSpace(x.Name)
	if utf8.RuneCountInString(name) > maxFullName {
		name = string([]rune(name)[:maxFullName])
	}
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		u = store.User{Username: usernameFor(x.Subject), FullName: name}
		for try := 0; ; try++ {
			// A savepoint per attempt: on PostgreSQL a failed insert would otherwise abort
			// the whole transaction.
			err := tx.Tx(ctx, func(sp *store.Store) error { return sp.CreateUser(ctx, &u) })
			if err == nil {
				break
			}
			if !isDuplicate(err) || try == 5 {
				return err
			}
			u.ID, u.Username = 0, "user-"+strings.ToLower(rand.Text()[:8])
		}
		if err := tx.LinkIdentity(ctx, u.ID, x.Issuer, x.Subject); err != nil {
			return err
		}
		return s.joinAll(ctx, tx, s.opt.JoinOnFirstLogin, u.ID)
	})
	if err != nil {
		return Principal{}, mapStore(err)
	}
	return principalOf(u), nil
}

// usernameFor proposes a username for an external subject: the subject itself when
// it is a valid username (the dev IdP's "dev-ola"), else a random one (ID-porten's
// subjects are opaque and long).
func usernameFor(subject string) string {
	if s := strings.ToLower(subject); ValidUsername(s) == nil {
		return s
	}
	return "user-" + strings.ToLower(rand.Text()[:8])
}

// joinAll puts userID in every team of org (none when org is empty or missing).
func (s *Service) joinAll(ctx context.Context, tx *store.Store, org string, userID int64) error {
	if org == "" {
		return nil
	}
	o, err := tx.OrgByName(ctx, org)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	ts, err := tx.Teams(ctx, o.ID)
	if err != nil {
		return err
	}
	for _, t := range ts {
		err := tx.Tx(ctx, func(sp *store.Store) error { return sp.AddMember(ctx, t.ID, userID) })
		if err != nil && !isDuplicate(err) {
			return err
		}
	}
	return nil
}

// Profile is a user's descriptive data.
type Profile struct {
	Username, FullName, Email string
	InstallationAdmin         bool
}

// Profile returns p's current profile.
func (s *Service) Profile(ctx context.Context, p Principal) (Profile, error) {
	u, err := s.st.UserByID(ctx, p.UserID)
	if err != nil {
		return Profile{}, mapStore(err)
	}
	return Profile{Username: u.Username, FullName: u.FullName, Email: u.Email, InstallationAdmin: u.InstallationAdmin}, nil
}
