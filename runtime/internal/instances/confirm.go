// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"strings"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// ConfirmComplete records the service owner's "I have what I need" (POST
// complete): a completeConfirmation with its org code, the confirmations row the
// pull query's excludeConfirmedBy reads, and a ConfirmedComplete event, in one
// transaction. Confirming again changes nothing. While a PDF receipt of the
// instance is still being made by this runtime (Options.WaitPDF), the first
// confirmation is ErrConflict with CodePDFPending: the service owner has not got
// the PDF yet, and once confirmed the instance would not be offered again. The
// caller has been authorised for complete.
func (s *Service) ConfirmComplete(ctx context.Context, c authz.Caller, snap *Snapshot) (*Instance, error) {
	if c.Kind != authz.ServiceOwner || c.Org == "" {
		return nil, fail(ErrForbidden, CodeNotInstanceOrg, "only the service owner confirms an instance complete")
	}
	inst := snap.Instance
	for _, cc := range inst.CompleteConfirmations {
		if cc.StakeholderID == c.Org {
			return inst, nil
		}
	}
	now, who := s.clock(), by(c)
	inst.CompleteConfirmations = append(inst.CompleteConfirmations, CompleteConfirmation{StakeholderID: c.Org, ConfirmedOn: now})
	err := s.st.Tx(ctx, func(tx *store.Store) error {
		if s.waitPDF {
			pending, err := tx.HasPending(ctx, snap.row.GUID, TopicPDF)
			if err != nil {
				return err
			}
			if pending {
				return fail(ErrConflict, CodePDFPending, "the PDF receipt of this instance is still being made; confirm it once the PDF is among its data elements")
			}
		}
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		if err := tx.ConfirmInstance(ctx, snap.row.ID, c.Org, now); err != nil {
			return err
		}
		_, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: snap.row.GUID, PartyID: snap.row.PartyID,
			EventType: EventConfirmedComplete, Created: now, User: platformUser(c), ProcessInfo: mustJSON(inst.Process)})
		return err
	})
	if err != nil {
		return nil, err
	}
	// The row's time, not now: the store may have moved it on (UpdateInstance).
	inst.LastChanged, inst.LastChangedBy = snap.row.LastChanged, who
	return inst, nil
}

// SetSubstatus sets the instance's substatus. Only the org that owns the app may
// (ErrForbidden otherwise), and the label is required (ErrInvalid), as in Altinn.
// The caller has been authorised for write.
func (s *Service) SetSubstatus(ctx context.Context, c authz.Caller, snap *Snapshot, sub Substatus) (*Instance, error) {
	if c.Kind != authz.ServiceOwner || c.Org != snap.Release.Org {
		return nil, fail(ErrForbidden, CodeNotInstanceOrg, "only the org that owns the app sets the substatus")
	}
	if strings.TrimSpace(sub.Label) == "" {
		return nil, fail(ErrInvalid, CodeSubstatusInvalid, "the substatus needs a label")
	}
	inst := snap.Instance
	if inst.Status == nil {
		inst.Status = &InstanceStatus{}
	}
	inst.Status.Substatus = &sub
	now, who := s.clock(), by(c)
	evIn := s.eventInstance(ctx, snap.Release.Org, snap.Release.Name, snap.row.PartyID, snap.row.GUID)
	err := s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		audit := []store.InstanceEvent{{InstanceGUID: snap.row.GUID, PartyID: snap.row.PartyID,
			EventType: EventSubstatusUpdated, Created: now, User: platformUser(c), ProcessInfo: mustJSON(inst.Process)}}
		return s.publish(ctx, tx, evIn, now, audit, events.TypeSubstatusChanged)
	})
	if err != nil {
		return nil, err
	}
	s.published()
	// The row's time, not now: the store may have moved it on (UpdateInstance).
	inst.LastChanged, inst.LastChangedBy = snap.row.LastChanged, who
	return inst, nil
}
