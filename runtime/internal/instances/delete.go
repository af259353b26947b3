// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// DeleteInstance deletes the instance as Altinn's DELETE does. Soft (hard false)
// moves it to the recycle bin: status.isSoftDeleted with the time, still readable
// and restorable, no longer active. Hard removes the instance row and, by cascade,
// its data element rows in one transaction with the Deleted event; the blobs are
// left for the orphan sweeper, so no row ever points at a missing blob. The
// returned Instance is the state at deletion. The caller has been authorised for
// delete.
func (s *Service) DeleteInstance(ctx context.Context, c authz.Caller, snap *Snapshot, hard bool) (*Instance, error) {
	now, who := s.clock(), by(c)
	inst := snap.Instance
	if inst.Status == nil {
		inst.Status = &InstanceStatus{}
	}
	if !inst.Status.IsSoftDeleted {
		inst.Status.IsSoftDeleted, inst.Status.SoftDeleted = true, &now
		snap.row.IsSoftDeleted, snap.row.SoftDeletedAt = true, &now
	}
	if hard {
		inst.Status.IsHardDeleted, inst.Status.HardDeleted = true, &now
	}
	err := s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		if _, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: snap.row.GUID, PartyID: snap.row.PartyID,
			EventType: EventDeleted, Created: now, User: platformUser(c), ProcessInfo: mustJSON(inst.Process)}); err != nil {
			return err
		}
		if hard {
			return tx.DeleteInstance(ctx, snap.row.ID)
		}
		return nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, fail(ErrNotFound, CodeInstanceNotFound, "no instance %s", inst.ID)
	}
	if err != nil {
		return nil, err
	}
	// The row's time, not now: the store may have moved it on (UpdateInstance).
	inst.LastChanged, inst.LastChangedBy = snap.row.LastChanged, who
	return inst, nil
}
