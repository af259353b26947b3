// SPDX-License-Identifier: MIT

package store

import "context"

// ListClients returns the machine clients of org ordered by client id, or every
// client when org is "".
func (s *Store) ListClients(ctx context.Context, org string) ([]MachineClient, error) {
	q := s.db(ctx).Order("client_id")
	if org != "" {
		q = q.Where("org = ?", org)
	}
	var out []MachineClient
	return out, wrap("list clients", q.Find(&out).Error)
}

// DeleteClient removes client id; tokens it already holds stay valid until they
// expire, but it gets no new ones. A missing client is ErrNotFound.
func (s *Store) DeleteClient(ctx context.Context, id string) error {
	res := s.db(ctx).Where("client_id = ?", id).Delete(&MachineClient{})
	if res.Error == nil && res.RowsAffected == 0 {
		return wrap("delete client "+id, ErrNotFound)
	}
	return wrap("delete client "+id, res.Error)
}
