// SPDX-License-Identifier: MIT

package instances

import (
	"context"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// DeleteDraft soft-deletes an instance that is still in progress (the citizen's
// "delete draft"): it leaves every list of active instances and can no longer be
// changed, and an instance event "Deleted" is recorded. A submitted (archived) or
// already deleted instance is ErrConflict; so is a concurrent change. The caller
// has been authorised for delete.
func (s *Service) DeleteDraft(ctx context.Context, c authz.Caller, snap *Snapshot) error {
	if err := snap.writable(); err != nil {
		return err
	}
	now, who := s.clock(), by(c)
	if snap.Instance.Status == nil {
		snap.Instance.Status = &InstanceStatus{}
	}
	snap.Instance.Status.IsSoftDeleted, snap.Instance.Status.SoftDeleted = true, &now
	snap.row.IsSoftDeleted, snap.row.SoftDeletedAt = true, &now
	return s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		_, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: snap.row.GUID, PartyID: snap.row.PartyID,
			EventType: EventDeleted, User: platformUser(c), ProcessInfo: mustJSON(snap.Instance.Process)})
		return err
	})
}
