// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
)

// ListActiveInstances returns up to limit (default 100) of the party's instances of
// appID ("org/app") that are neither archived nor deleted, most recently changed
// first: the "continue or start new" list of the app API.
func (s *Store) ListActiveInstances(ctx context.Context, appID string, partyID int64, limit int) ([]Instance, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []Instance
	err := s.db(ctx).Where("party_id = ? AND app_id = ? AND is_archived = ? AND is_soft_deleted = ? AND is_hard_deleted = ?",
		partyID, appID, false, false, false).Order("last_changed DESC, id DESC").Limit(limit).Find(&out).Error
	return out, wrap(fmt.Sprintf("list active instances of party %d", partyID), err)
}
