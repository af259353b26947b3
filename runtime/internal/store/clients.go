// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"slices"
	"strings"
	"time"
)

// MachineClient is a registered system that authenticates with a signed JWT grant
// (Maskinporten style). JWKS holds its public keys; Scopes is space-separated.
type MachineClient struct {
	ClientID string `gorm:"primaryKey;size:100"`
	// Org is the service-owner code ("ttd"), empty for other organisations.
	Org       string `gorm:"size:64"`
	OrgNumber string `gorm:"size:9"`
	Name      string `gorm:"size:300"`
	JWKS      string `gorm:"column:jwks;type:text"`
	Scopes    string `gorm:"type:text"`
	Disabled  bool
	Created   time.Time
}

// TableName implements gorm's tabler.
func (MachineClient) TableName() string { return "machine_clients" }

// AllowsScope reports whether scope is among c's allowed scopes.
func (c MachineClient) AllowsScope(scope string) bool {
	return slices.Contains(strings.Fields(c.Scopes), scope)
}

// CreateClient registers c; a taken client id is ErrDuplicate.
func (s *Store) CreateClient(ctx context.Context, c MachineClient) (MachineClient, error) {
	if c.Created.IsZero() {
		c.Created = s.clock()
	}
	c.Created = ts(c.Created)
	return c, wrap("create client "+c.ClientID, s.db(ctx).Create(&c).Error)
}

// GetClient returns client id, disabled or not; the caller refuses disabled ones.
func (s *Store) GetClient(ctx context.Context, id string) (MachineClient, error) {
	var c MachineClient
	return c, wrap("get client "+id, s.db(ctx).Where("client_id = ?", id).Take(&c).Error)
}

// UpdateClient replaces c's name, keys, scopes and disabled flag.
func (s *Store) UpdateClient(ctx context.Context, c MachineClient) error {
	res := s.db(ctx).Model(&MachineClient{}).Where("client_id = ?", c.ClientID).Updates(map[string]any{
		"name": c.Name, "jwks": c.JWKS, "scopes": c.Scopes, "disabled": c.Disabled,
		"org": c.Org, "org_number": c.OrgNumber,
	})
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("update client "+c.ClientID, ErrNotFound)
	}
	return wrap("update client "+c.ClientID, res.Error)
}
