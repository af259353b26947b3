// SPDX-License-Identifier: MIT

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// EventConfirmedComplete is the instance event of a complete confirmation.
const EventConfirmedComplete = "ConfirmedComplete"

// completeConfirmation is Altinn's CompleteConfirmation.
type completeConfirmation struct {
	StakeholderID string    `json:"stakeholderId"`
	ConfirmedOn   time.Time `json:"confirmedOn"`
}

// completeAttempts bounds the retries when another request changes the instance
// between our read and our write.
const completeAttempts = 3

// complete serves POST /instances/{partyId}/{guid}/complete: the service owner
// confirms it has received the instance. Confirming again changes nothing and
// answers the instance as it is, as Altinn does. A first confirmation while the
// instance's PDF receipt is being made is 409 pdf_pending (see Deps.WaitPDF).
// With If-Match, the confirmation holds only for the instance as the caller saw
// it (its ETag, see instanceETag): one that changed since is 412
// instance_changed, so no element added meanwhile goes unseen.
func (a *api) complete(c *gin.Context) {
	caller, in, ok := a.ownInstance(c, scopeWrite)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	match := c.GetHeader("If-Match")
	// The first attempt writes over the row ownInstance read: the update checks its
	// version, so only a conflict needs the row read again.
	out, err := a.confirm(ctx, caller, in, match)
	for range completeAttempts - 1 {
		if !errors.Is(err, store.ErrConflict) {
			break
		}
		if in, err = a.st.GetInstance(ctx, in.PartyID, in.GUID); err == nil {
			out, err = a.confirm(ctx, caller, in, match)
		}
	}
	if err != nil {
		a.fail(c, "complete instance", err)
		return
	}
	a.writeInstance(c, out)
}

// confirm records caller's confirmation on in, as read, in one transaction: the
// document's completeConfirmations, the confirmations row (which the
// excludeConfirmedBy filter reads) and a ConfirmedComplete event. A change made
// since in was read is ErrConflict; an If-Match value (match, "" for none) that
// in's ETag does not meet is errInstanceChanged.
func (a *api) confirm(ctx context.Context, caller auth.Caller, in store.Instance, match string) (store.Instance, error) {
	if match != "" && !httpx.ETagMatches(match, instanceETag(in)) {
		return in, errInstanceChanged
	}
	var out store.Instance
	err := a.st.Tx(ctx, func(tx *store.Store) error {
		d, err := parseDocument(in.Document)
		if err != nil {
			return err
		}
		var confs []completeConfirmation
		if raw := d["completeConfirmations"]; len(raw) > 0 {
			if err := json.Unmarshal(raw, &confs); err != nil {
				return errors.Join(errors.New("storage: stored completeConfirmations"), err)
			}
		}
		out = in
		if slices.ContainsFunc(confs, func(cc completeConfirmation) bool { return cc.StakeholderID == caller.Org }) {
			// Already confirmed; make sure the row exists too (it heals a document
			// written without one) and change nothing else.
			return tx.ConfirmInstance(ctx, in.ID, caller.Org, in.LastChanged)
		}
		if a.waitPDF {
			pending, err := tx.HasPending(ctx, in.GUID, instances.TopicPDF)
			if err != nil {
				return err
			}
			if pending {
				return errPDFPending
			}
		}
		now := time.Now().UTC().Truncate(time.Microsecond)
		d.set("completeConfirmations", append(confs, completeConfirmation{StakeholderID: caller.Org, ConfirmedOn: now}))
		in.Document = string(mustJSON(d))
		in.LastChangedBy, in.LastChanged = changedBy(caller), store.NextChange(in.LastChanged, now)
		if err := tx.UpdateInstance(ctx, &in); err != nil {
			return err
		}
		if err := tx.ConfirmInstance(ctx, in.ID, caller.Org, now); err != nil {
			return err
		}
		_, err = tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: in.GUID, PartyID: in.PartyID,
			EventType: EventConfirmedComplete, Created: now, User: string(mustJSON(eventUser(caller))),
			ProcessInfo: string(orEmpty(d["process"]))})
		if err != nil {
			return err
		}
		out = in
		out.Confirmed = out.Confirmed || in.Org == caller.Org
		return nil
	})
	return out, err
}

// changedBy is the lastChangedBy of a service owner: its organisation number
// when the token has one (as Altinn), else its org code.
func changedBy(c auth.Caller) string {
	if c.OrgNumber != "" {
		return c.OrgNumber
	}
	return c.Org
}

// eventUser is the PlatformUser of an instance event.
func eventUser(c auth.Caller) map[string]any {
	return map[string]any{"orgId": c.Org, "authenticationLevel": c.AuthLevel}
}

func orEmpty(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage("{}")
	}
	return raw
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("storage: marshal: " + err.Error()) // documents hold only JSON values
	}
	return b
}

// instanceETag is the entity tag of an instance: its lastChanged as the API
// renders it, quoted (httpx.TimeETag), so a client can make it from any listing
// of the instance, not only from a GET.
func instanceETag(in store.Instance) string { return httpx.TimeETag(in.LastChanged) }
