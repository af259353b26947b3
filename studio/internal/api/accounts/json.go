// SPDX-License-Identifier: MIT

package accounts

import (
	"time"

	"github.com/blankett/blankett/studio/internal/account"
)

// userJSON is a user as the API shows it.
type userJSON struct {
	Username          string `json:"username"`
	FullName          string `json:"fullName"`
	Email             string `json:"email"`
	InstallationAdmin bool   `json:"installationAdmin"`
}

type rightsJSON struct {
	Read    bool     `json:"read"`
	Edit    bool     `json:"edit"`
	Release bool     `json:"release"`
	Admin   bool     `json:"admin"`
	Deploy  []string `json:"deploy"`
}

type orgJSON struct {
	Name        string     `json:"name"`
	FullName    string     `json:"fullName"`
	Created     time.Time  `json:"created"`
	Teams       []string   `json:"teams"`
	Permissions rightsJSON `json:"permissions"`
}

func orgOf(o account.Org) orgJSON {
	r := o.Rights
	deploy := r.Deploy
	if deploy == nil {
		deploy = []string{}
	}
	teams := o.Teams
	if teams == nil {
		teams = []string{}
	}
	return orgJSON{Name: o.Name, FullName: o.FullName, Created: o.CreatedAt, Teams: teams,
		Permissions: rightsJSON{Read: r.Read, Edit: r.Edit, Release: r.Release, Admin: r.Admin, Deploy: deploy}}
}

type tokenJSON struct {
	ID       int64      `json:"id"`
	Name     string     `json:"name"`
	Prefix   string     `json:"prefix"`
	Created  time.Time  `json:"created"`
	LastUsed *time.Time `json:"lastUsed"`
	Expires  *time.Time `json:"expires"`
}

func tokenOf(t account.Token) tokenJSON {
	return tokenJSON{ID: t.ID, Name: t.Name, Prefix: t.Prefix, Created: t.CreatedAt, LastUsed: t.LastUsedAt, Expires: t.ExpiresAt}
}
