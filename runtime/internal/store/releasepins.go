// SPDX-License-Identifier: MIT

package store

import "context"

// CountPinnedInstances counts the instances of appID ("org/app") pinned to the
// release version, deleted ones included: purging a release they still name would
// make them unreadable.
func (s *Store) CountPinnedInstances(ctx context.Context, appID, version string) (int64, error) {
	var n int64
	err := s.db(ctx).Model(&Instance{}).Where("app_id = ? AND app_version = ?", appID, version).Count(&n).Error
	return n, wrap("count instances of "+appID+"@"+version, err)
}
